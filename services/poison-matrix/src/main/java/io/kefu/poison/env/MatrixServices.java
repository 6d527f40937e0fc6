package io.kefu.poison.env;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.feedback.FeedbackStreamService;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.reply.ReplyServiceApp;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The real reply service (as {@code kefu reply-service} wires it) and the real feedback stream, in this JVM, on a
 * {@link ChaosEnvironment}.
 *
 * <p>Settings that differ from the defaults, and why: handoff confidence 0 so that only cut-off or blank replies and
 * customers asking for a person are handed off (the matrix rates model replies); a join grace of 10 minutes and a
 * 1 ms expiry interval, so a rating of an unknown reply is dead-lettered as soon as a later record advances stream
 * time, not after the default 7 days.
 */
public final class MatrixServices implements AutoCloseable {
  /** The join grace of the run. */
  public static final Duration JOIN_GRACE = Duration.ofMinutes(10);

  private final KefuConfig config;
  private final ReplyServiceApp reply;
  private final FeedbackStreamService feedback;

  private MatrixServices(KefuConfig config, ReplyServiceApp reply, FeedbackStreamService feedback) {
    this.config = config;
    this.reply = reply;
    this.feedback = feedback;
  }

  /**
   * Starts both services on {@code env} with data under {@code dataDirectory} (the model store is its
   * {@code models} folder) and waits until the reply service is ready and the stream runs.
   *
   * @throws TimeoutException when they are not within {@code timeout}
   */
  public static MatrixServices start(ChaosEnvironment env, Path dataDirectory, PrintStream progress,
      Duration timeout) throws TimeoutException, InterruptedException {
    KefuConfig config = config(env, dataDirectory);
    ReplyServiceApp reply = ReplyServiceApp.fromConfig(config, progress);
    FeedbackStreamService feedback = new FeedbackStreamService(config);
    try {
      feedback.start(); // returns at once; its rebalance runs while the reply service starts
      reply.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!(reply.service().isReady() && "RUNNING".equals(feedback.health().state()))) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("within " + timeout + " the reply service was " + (reply.service().isReady()
              ? "ready" : "not ready") + " and the feedback stream " + feedback.health().state());
        }
        Thread.sleep(50); // readiness has no event to wait on; both services only expose it as a state to poll
      }
      return new MatrixServices(config, reply, feedback);
    } catch (TimeoutException | InterruptedException | RuntimeException e) {
      feedback.stop();
      reply.stop();
      throw e;
    }
  }

  private static KefuConfig config(ChaosEnvironment env, Path dataDirectory) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", env.bootstrapServers());
    settings.put("schema.registry.url", env.registryUrl());
    settings.put("topic.prefix", env.topics().prefix());
    settings.put("data.dir", dataDirectory.toString());
    settings.put("reply.http.port", "0");
    settings.put("reply.retry.backoff", "100ms");
    settings.put("reply.handoff.confidence", "0.0");
    settings.put("reply.generation.max.tokens", "48");
    settings.put("model.device", "cpu");
    settings.put("feedback.http.port", "0");
    settings.put("feedback.grace", JOIN_GRACE.toMinutes() + "m");
    settings.put("feedback.expiry.interval", "1ms");
    settings.put("feedback.commit.interval", "100ms");
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), settings);
  }

  /** The settings both services run with. */
  public KefuConfig config() {
    return config;
  }

  public ReplyServiceApp reply() {
    return reply;
  }

  public FeedbackStreamService feedback() {
    return feedback;
  }

  /** The reply service's consumer group. */
  public String replyGroupId() {
    return config.get("reply.group.id");
  }

  /** The feedback stream's application id (its consumer group, and the prefix of its thread names). */
  public String feedbackApplicationId() {
    return config.get("topic.prefix") + config.get("feedback.application.id");
  }

  @Override
  public void close() {
    try {
      feedback.stop();
    } finally {
      reply.stop();
    }
  }
}
