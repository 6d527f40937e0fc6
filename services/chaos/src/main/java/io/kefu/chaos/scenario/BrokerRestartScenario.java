package io.kefu.chaos.scenario;

import io.kefu.chaos.child.ReplyServiceChild;
import io.kefu.chaos.env.BrokerCluster;
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
 * The broker restart: while one reply-service process answers a steady load, the embedded broker is stopped and
 * started again on the same data directory and port, at seeded random moments; the service and the load producer
 * must recover by themselves, and every message must still be answered exactly once, in order. On a run with a
 * {@link io.kefu.chaos.env.BrokerCluster} (three broker processes, replication 3, min.insync.replicas 2), each fault
 * is instead a SIGKILL of one node chosen at random, which stays down for {@link Options#downFor()} before it is
 * started again; the other two carry the load meanwhile.
 */
public final class BrokerRestartScenario {
  private static final Logger log = LoggerFactory.getLogger(BrokerRestartScenario.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final String INSTANCE = "reply-broker-restart";

  /**
   * @param load the messages and their rate
   * @param restarts how many times the broker is restarted
   * @param minInterval shortest time between the service's start (or the previous restart) and a restart
   * @param maxInterval longest such time
   * @param downFor how long a killed node of a cluster stays down before it is started again
   */
  public record Options(LoadOptions load, int restarts, Duration minInterval, Duration maxInterval,
      Duration downFor) {
    /** Checks the figures. */
    public Options {
      if (restarts < 0) {
        throw new IllegalArgumentException("restarts must be >= 0, was " + restarts);
      }
      if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0) {
        throw new IllegalArgumentException("need 0 <= minInterval <= maxInterval, was " + minInterval + " and "
            + maxInterval);
      }
      if (downFor.isNegative()) {
        throw new IllegalArgumentException("downFor must be >= 0, was " + downFor);
      }
    }
  }

  private final ChaosEnvironment env;
  private final Path modelStore;
  private final Options options;

  public BrokerRestartScenario(ChaosEnvironment env, Path modelStore, Options options) {
    this.env = env;
    this.modelStore = modelStore;
    this.options = options;
  }

  /** Runs the scenario and checks the outputs. */
  public ChaosResult run() throws InterruptedException {
    LoadOptions load = options.load();
    String group = env.topicPrefix() + "reply-broker-restart";
    MessagePlan plan = MessagePlan.of("restart", load.conversations(), load.messages(), load.seed());
    Random schedule = new Random(load.seed());
    List<String> downtimes = new ArrayList<>();
    long start = System.nanoTime();
    try (ReplyFleet fleet = new ReplyFleet(env, modelStore, group, Map.of());
        SteadyProducer producer = new SteadyProducer(env.clientProperties(), env.registryUrl(),
            ReplyTopics.from(env.topics()).customerMessages(), plan, load.messagesPerSecond())) {
      ChildProcess service = fleet.launch(INSTANCE);
      producer.start();
      service.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
      for (int restart = 1; restart <= options.restarts(); restart++) {
        long wait = options.minInterval().toMillis()
            + (long) (schedule.nextDouble() * (options.maxInterval().toMillis() - options.minInterval().toMillis()));
        TimeUnit.MILLISECONDS.sleep(wait); // the fault schedule: a random moment under load
        if (env.cluster().isPresent()) {
          BrokerCluster cluster = env.cluster().get();
          int node = cluster.nodeIds().get(schedule.nextInt(cluster.size()));
          log.info("fault {}/{}: SIGKILL of broker node {} of {} after {} ms, {} messages acknowledged so far",
              restart, options.restarts(), node, cluster.size(), wait, producer.acknowledgedCount());
          Duration down = cluster.killAndRestart(node, options.downFor());
          downtimes.add(String.format(Locale.ROOT, "node %d: %.1f s", node, down.toMillis() / 1000.0));
        } else {
          log.info("restart {}/{} of the broker after {} ms, {} messages acknowledged so far", restart,
              options.restarts(), wait, producer.acknowledgedCount());
          Duration down = env.restartBroker();
          downtimes.add(String.format(Locale.ROOT, "%.1f s", down.toMillis() / 1000.0));
        }
      }
      if (!producer.awaitSent(load.drainTimeout())) {
        throw new ScenarioException("the load was not sent within " + load.drainTimeout());
      }
      ExactlyOnceReport report = AnswerCheck.awaitAndCheck(env, group, producer.acknowledgedMessages(),
          load.drainTimeout());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      boolean survived = service.isAlive();
      service.stop(Duration.ofSeconds(30));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put(env.cluster().isPresent() ? "killed node: SIGKILL to started again" : "broker stop+start durations",
          downtimes);
      details.put("reply-service process restarted", survived ? "no (recovered by itself)" : "it died");
      details.put("failed transactions in the service log", service.count(ReplyFleet.NOT_COMMITTED));
      details.put("handoffs", report.handoffs());
      details.put("answers to unknown messages", report.unexpected());
      details.put("sends failed", producer.failedCount());
      details.put("examples", report.examples());
      details.put("logs", env.logDirectory().toString());
      String faults = env.cluster().map(c -> options.restarts() + " x SIGKILL of 1 broker of " + c.size()
          + " (RF " + c.replication() + ", min ISR " + (c.replication() - 1) + "), restarted after "
          + options.downFor().toSeconds() + " s").orElse(options.restarts() + " x broker stop/start");
      return new ChaosResult(env.cluster().isPresent() ? "broker kill (1 of " + env.cluster().get().size() + ")"
          : "broker restart", load.describe(), faults,
          options.restarts(), report.recordsIn(), report.recordsOut(), report.lost(),
          report.duplicated() + report.unexpected(), report.orderViolations(), elapsed, details);
    }
  }
}
