package io.kefu.chaos.scenario;

import io.kefu.chaos.child.ReplyServiceChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.load.MessagePlan;
import io.kefu.chaos.load.SteadyProducer;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.verify.ExactlyOnceReport;
import io.kefu.reply.pipeline.ReplyTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash test of the reply service, after Kafka's transactions_test.py: one reply-service process answers a
 * steady load while it is killed with SIGKILL at seeded random moments and launched again under the same instance
 * id; afterwards every message must have exactly one answer, in its conversation's order.
 */
public final class ReplyCrashScenario {
  private static final Logger log = LoggerFactory.getLogger(ReplyCrashScenario.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final String INSTANCE = "reply-crash";

  /**
   * @param load the messages and their rate
   * @param kills how many times the service is killed
   * @param minUptime shortest time the service runs (after it started) before a kill
   * @param maxUptime longest such time
   */
  public record Options(LoadOptions load, int kills, Duration minUptime, Duration maxUptime) {
    /** Checks the figures. */
    public Options {
      if (kills < 0) {
        throw new IllegalArgumentException("kills must be >= 0, was " + kills);
      }
      if (minUptime.isNegative() || maxUptime.compareTo(minUptime) < 0) {
        throw new IllegalArgumentException("need 0 <= minUptime <= maxUptime, was " + minUptime + " and " + maxUptime);
      }
    }
  }

  private final ChaosEnvironment env;
  private final Path modelStore;
  private final Options options;

  public ReplyCrashScenario(ChaosEnvironment env, Path modelStore, Options options) {
    this.env = env;
    this.modelStore = modelStore;
    this.options = options;
  }

  /** Runs the scenario and checks the outputs. */
  public ChaosResult run() throws InterruptedException {
    LoadOptions load = options.load();
    String group = env.topicPrefix() + "reply-crash";
    MessagePlan plan = MessagePlan.of("crash", load.conversations(), load.messages(), load.seed());
    Random schedule = new Random(load.seed());
    List<String> uptimes = new ArrayList<>();
    long start = System.nanoTime();
    long lastKill;
    try (ReplyFleet fleet = new ReplyFleet(env, modelStore, group, Map.of());
        SteadyProducer producer = new SteadyProducer(env.clientProperties(), env.registryUrl(),
            ReplyTopics.from(env.topics()).customerMessages(), plan, load.messagesPerSecond())) {
      ChildProcess service = fleet.launch(INSTANCE);
      producer.start();
      for (int kill = 1; kill <= options.kills(); kill++) {
        service.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
        long uptime = options.minUptime().toMillis()
            + (long) (schedule.nextDouble() * (options.maxUptime().toMillis() - options.minUptime().toMillis()));
        TimeUnit.MILLISECONDS.sleep(uptime); // the fault schedule: a random moment of the service's life
        log.info("kill {}/{}: SIGKILL to {} (pid {}) after {} ms of service, {} messages acknowledged so far", kill,
            options.kills(), INSTANCE, service.pid(), uptime, producer.acknowledgedCount());
        service.kill();
        uptimes.add(String.format(Locale.ROOT, "%.1f s", uptime / 1000.0));
        service = fleet.launch(INSTANCE);
      }
      lastKill = System.nanoTime();
      service.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
      if (!producer.awaitSent(load.drainTimeout())) {
        throw new ScenarioException("the load was not sent within " + load.drainTimeout());
      }
      ExactlyOnceReport report = AnswerCheck.awaitAndCheck(env, group, producer.acknowledgedMessages(),
          load.drainTimeout());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      double drained = (System.nanoTime() - lastKill) / 1e9;
      service.stop(Duration.ofSeconds(30));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("uptimes before each kill", uptimes);
      details.put("handoffs", report.handoffs());
      details.put("answers to unknown messages", report.unexpected());
      details.put("sends failed", producer.failedCount());
      details.put("drained after last kill", String.format(Locale.ROOT, "%.1f s", drained));
      details.put("examples", report.examples());
      details.put("logs", env.logDirectory().toString());
      return new ChaosResult("crash reply-service", load.describe(), options.kills() + " x SIGKILL",
          options.kills(), report.recordsIn(), report.recordsOut(), report.lost(),
          report.duplicated() + report.unexpected(), report.orderViolations(), elapsed, details);
    }
  }
}
