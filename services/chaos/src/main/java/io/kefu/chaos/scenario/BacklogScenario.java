package io.kefu.chaos.scenario;

import io.kefu.chaos.child.ReplyServiceChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.load.MessagePlan;
import io.kefu.chaos.load.SteadyProducer;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.verify.ExactlyOnceReport;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.reply.pipeline.ReplyTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The backlog drain: with no reply service running, every message is produced first; then one reply-service process
 * starts and the scenario measures how long it takes until the group's lag is 0 and every message is answered once.
 */
public final class BacklogScenario {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final String INSTANCE = "reply-backlog";

  private final ChaosEnvironment env;
  private final Path modelStore;
  private final LoadOptions load;

  /** {@code load.messagesPerSecond()} is the rate at which the backlog is produced (0: as fast as possible). */
  public BacklogScenario(ChaosEnvironment env, Path modelStore, LoadOptions load) {
    this.env = env;
    this.modelStore = modelStore;
    this.load = load;
  }

  /** Produces the backlog, starts the service, waits for the drain and checks the outputs. */
  public ChaosResult run() throws InterruptedException {
    String group = env.topicPrefix() + "reply-backlog";
    String topic = ReplyTopics.from(env.topics()).customerMessages();
    MessagePlan plan = MessagePlan.of("backlog", load.conversations(), load.messages(), load.seed());
    long start = System.nanoTime();
    try (ReplyFleet fleet = new ReplyFleet(env, modelStore, group, Map.of());
        SteadyProducer producer = new SteadyProducer(env.clientProperties(), env.registryUrl(), topic, plan,
            load.messagesPerSecond())) {
      producer.sendAllNow();
      long produced = System.nanoTime();
      long backlog = new GroupLag(env.admin()).of(group, topic);

      ChildProcess service = fleet.launch(INSTANCE);
      service.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
      long started = System.nanoTime();
      ExactlyOnceReport report = AnswerCheck.awaitAndCheck(env, group, producer.acknowledgedMessages(),
          load.drainTimeout());
      long drained = System.nanoTime();
      service.stop(Duration.ofSeconds(30));

      double drainSeconds = (drained - produced) / 1e9;
      double answeringSeconds = (drained - started) / 1e9;
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("backlog (lag before start)", backlog);
      details.put("produced in", seconds((produced - start) / 1e9));
      details.put("drain time (process launch to lag 0)", seconds(drainSeconds));
      details.put("of which start-up", seconds((started - produced) / 1e9));
      details.put("drain rate", String.format(Locale.ROOT, "%.1f msgs/s", backlog / drainSeconds));
      details.put("answer rate once started", String.format(Locale.ROOT, "%.1f msgs/s", backlog / answeringSeconds));
      details.put("lag after drain", new GroupLag(env.admin()).of(group, topic));
      details.put("sends failed", producer.failedCount());
      details.put("handoffs", report.handoffs());
      details.put("answers to unknown messages", report.unexpected());
      details.put("examples", report.examples());
      details.put("logs", env.logDirectory().toString());
      return new ChaosResult("backlog drain", load.describe(), "none (consumers stopped while " + backlog
          + " messages accumulated)", 0, report.recordsIn(), report.recordsOut(), report.lost(),
          report.duplicated() + report.unexpected(), report.orderViolations(),
          Duration.ofNanos(drained - start), details);
    }
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
