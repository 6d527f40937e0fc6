package io.kefu.cli;

import io.kefu.feedback.FeedbackStreamService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the feedback stream: ratings joined with replies, redacted into training examples, and live aggregates. */
@Command(name = "feedback-stream", mixinStandardHelpOptions = true,
    header = "Run the feedback stream: ratings into redacted training examples.",
    description = {"Run the feedback stream (Kafka Streams, exactly_once_v2): join each rating with its reply,",
        "redact personal data, write training-examples; keep per-version aggregates (HTTP on feedback.http.port,",
        "/api/aggregates/totals, /api/aggregates/windows, /health, /metrics) and publish them to ops-metrics."})
public final class FeedbackStreamCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    FeedbackStreamService service = new FeedbackStreamService(connection.load());
    return ServiceRunner.runUntilShutdown("feedback-stream", new ServiceRunner.Service() {
      @Override
      public void start() {
        service.start();
      }

      @Override
      public void stop() {
        service.stop();
      }
    }, () -> "running; aggregates on http port " + service.httpPort(), spec.commandLine().getOut());
  }
}
