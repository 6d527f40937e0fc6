package io.kefu.chaos.scenario;

import io.kefu.chaos.child.ReplyServiceChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.load.MessagePlan;
import io.kefu.chaos.load.SteadyProducer;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.verify.ExactlyOnceReport;
import io.kefu.chaos.verify.GroupMembers;
import io.kefu.reply.pipeline.ReplyTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zombie fencing: two reply-service processes share a consumer group under a steady load; one is frozen with
 * SIGSTOP for longer than its max.poll.interval.ms, so the group gives its partitions to the other, then thawed with
 * SIGCONT. Whatever the zombie still tries to commit carries a stale group generation and is fenced (KIP-447), so
 * read_committed consumers never see it: every message is still answered exactly once, in order.
 */
public final class ZombieScenario {
  private static final Logger log = LoggerFactory.getLogger(ZombieScenario.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration GROUP_POLL = Duration.ofMillis(250);
  private static final String ZOMBIE = "reply-zombie";
  private static final String SURVIVOR = "reply-survivor";

  /**
   * @param load the messages and their rate
   * @param pause how long the zombie stays frozen; must exceed {@code maxPollInterval}
   * @param maxPollInterval the instances' max.poll.interval.ms
   * @param sessionTimeout the instances' session.timeout.ms
   */
  public record Options(LoadOptions load, Duration pause, Duration maxPollInterval, Duration sessionTimeout) {
    /** Checks that the pause outlasts the poll interval. */
    public Options {
      if (pause.compareTo(maxPollInterval) <= 0) {
        throw new IllegalArgumentException("the pause (" + pause + ") must be longer than max.poll.interval.ms ("
            + maxPollInterval + ")");
      }
      if (sessionTimeout.compareTo(maxPollInterval) > 0) {
        throw new IllegalArgumentException("session.timeout.ms (" + sessionTimeout
            + ") must not exceed max.poll.interval.ms (" + maxPollInterval + ")");
      }
    }
  }

  private final ChaosEnvironment env;
  private final Path modelStore;
  private final Options options;

  public ZombieScenario(ChaosEnvironment env, Path modelStore, Options options) {
    this.env = env;
    this.modelStore = modelStore;
    this.options = options;
  }

  /** Runs the scenario and checks the outputs. */
  public ChaosResult run() throws InterruptedException {
    LoadOptions load = options.load();
    String group = env.topicPrefix() + "reply-zombie";
    MessagePlan plan = MessagePlan.of("zombie", load.conversations(), load.messages(), load.seed());
    GroupMembers members = new GroupMembers(env.admin());
    Map<String, String> settings = Map.of(
        "kafka.max.poll.interval.ms", Long.toString(options.maxPollInterval().toMillis()),
        "kafka.session.timeout.ms", Long.toString(options.sessionTimeout().toMillis()),
        "kafka.heartbeat.interval.ms", Long.toString(Math.max(500, options.sessionTimeout().toMillis() / 4)),
        // small polls, so that a poll's generation stays well inside the short poll interval
        "reply.max.poll.records", "16");
    long start = System.nanoTime();
    try (ReplyFleet fleet = new ReplyFleet(env, modelStore, group, settings);
        SteadyProducer producer = new SteadyProducer(env.clientProperties(), env.registryUrl(),
            ReplyTopics.from(env.topics()).customerMessages(), plan, load.messagesPerSecond())) {
      ChildProcess zombie = fleet.launch(ZOMBIE);
      ChildProcess survivor = fleet.launch(SURVIVOR);
      producer.start();
      zombie.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
      survivor.awaitCount(ReplyServiceChild.STARTED, 1, START_TIMEOUT);
      if (members.awaitHolding(group, 2, START_TIMEOUT, GROUP_POLL).isEmpty()) {
        throw new ScenarioException("the two instances did not share the partitions of group " + group + " within "
            + START_TIMEOUT + "; holding: " + members.withPartitions(group));
      }
      TimeUnit.MILLISECONDS.sleep(1_000 + new Random(load.seed()).nextInt(2_000)); // let both work on the load
      long failedBefore = zombie.count(ReplyFleet.NOT_COMMITTED);

      log.info("SIGSTOP to {} (pid {}) for {}, {} messages acknowledged so far", ZOMBIE, zombie.pid(),
          options.pause(), producer.acknowledgedCount());
      long pausedAt = System.nanoTime();
      zombie.pause();
      Optional<Duration> takeover;
      try {
        takeover = members.awaitHolding(group, 1, options.pause().multipliedBy(4), GROUP_POLL);
        long left = options.pause().toNanos() - (System.nanoTime() - pausedAt);
        if (left > 0) {
          TimeUnit.NANOSECONDS.sleep(left); // keep the zombie frozen for the whole pause
        }
      } finally {
        zombie.resume();
      }
      Duration paused = Duration.ofNanos(System.nanoTime() - pausedAt);
      log.info("SIGCONT to {} after {} ms; the survivor took over after {}", ZOMBIE, paused.toMillis(),
          takeover.map(d -> d.toMillis() + " ms").orElse("(never)"));
      Optional<Duration> rejoined = members.awaitHolding(group, 2, START_TIMEOUT, GROUP_POLL);

      if (!producer.awaitSent(load.drainTimeout())) {
        throw new ScenarioException("the load was not sent within " + load.drainTimeout());
      }
      ExactlyOnceReport report = AnswerCheck.awaitAndCheck(env, group, producer.acknowledgedMessages(),
          load.drainTimeout());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      zombie.stop(Duration.ofSeconds(30));
      survivor.stop(Duration.ofSeconds(30));

      Map<String, Object> details = new LinkedHashMap<>();
      details.put("zombie frozen for", seconds(paused));
      details.put("max.poll.interval.ms / session.timeout.ms", options.maxPollInterval().toMillis() + " / "
          + options.sessionTimeout().toMillis());
      details.put("survivor took all partitions after", takeover.map(ZombieScenario::seconds).orElse("never"));
      details.put("zombie rejoined the group after SIGCONT", rejoined.map(ZombieScenario::seconds).orElse("no"));
      details.put("zombie transactions not committed after SIGCONT", zombie.count(ReplyFleet.NOT_COMMITTED) - failedBefore);
      details.put("zombie CommitFailedException lines", zombie.count(ReplyFleet.COMMIT_FAILED));
      details.put("zombie ProducerFencedException lines", zombie.count("ProducerFencedException"));
      details.put("zombie producer rebuilt", zombie.count(ReplyFleet.PRODUCER_REBUILT));
      details.put("handoffs", report.handoffs());
      details.put("answers to unknown messages", report.unexpected());
      details.put("examples", report.examples());
      details.put("logs", env.logDirectory().toString());
      return new ChaosResult("zombie fencing", load.describe(), "SIGSTOP " + seconds(paused) + " > max.poll.interval "
          + options.maxPollInterval().toSeconds() + " s, then SIGCONT", 1, report.recordsIn(), report.recordsOut(),
          report.lost(), report.duplicated() + report.unexpected(), report.orderViolations(), elapsed, details);
    }
  }

  /** True when the survivor took the zombie's partitions while it was frozen; read from the result's details. */
  public static boolean tookOver(ChaosResult result) {
    return !"never".equals(result.details().get("survivor took all partitions after"));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
