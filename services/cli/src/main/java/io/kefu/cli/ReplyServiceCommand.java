package io.kefu.cli;

import io.kefu.reply.ReplyServiceApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the reply service: exactly-once replies from the ACTIVE model version, canary routing, handoffs. */
@Command(name = "reply-service", mixinStandardHelpOptions = true,
    header = "Run the reply service: answer customer messages exactly once.",
    description = {"Consume customer-messages and produce AgentReply or HandoffRequest records in Kafka transactions",
        "(read_committed downstream), keeping each conversation's recent turns in conversation-turns. Serves the ACTIVE",
        "model version (training the base model on first start), routes a canary.share slice of conversations to a",
        "CANARY version, verifies and hot-swaps new versions from model-versions. Health and /metrics on",
        "reply.http.port. Run more instances to scale out."})
public final class ReplyServiceCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReplyServiceApp app = ReplyServiceApp.fromConfig(connection.load(), System.err);
    return ServiceRunner.runUntilShutdown("reply-service", new ServiceRunner.Service() {
      @Override
      public void start() {
        app.start();
      }

      @Override
      public void stop() {
        app.stop();
      }
    }, () -> "serving " + app.modelName() + " " + app.activeVersion().orElse("?")
        + app.canaryVersion().map(c -> " (canary " + c + ")").orElse("") + "; health and metrics on http port "
        + app.httpPort(), spec.commandLine().getOut());
  }
}
