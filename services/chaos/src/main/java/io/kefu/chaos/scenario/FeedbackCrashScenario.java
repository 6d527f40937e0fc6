package io.kefu.chaos.scenario;

import io.kefu.chaos.child.FeedbackStreamChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.load.MessagePlan;
import io.kefu.chaos.load.RatedReplyProducer;
import io.kefu.chaos.process.ChildJvm;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.process.ChildSpec;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.verify.CommittedOutputs;
import io.kefu.chaos.verify.ExactlyOnceCheck;
import io.kefu.chaos.verify.ExactlyOnceReport;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.feedback.FeedbackSettings;
import io.kefu.feedback.FeedbackTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash test of the feedback stream, after Kafka's streams_eos_test.py: the feedback stream (Kafka Streams,
 * exactly_once_v2) runs as its own process while messages, model replies and ratings flow, and is killed with
 * SIGKILL at seeded random moments and launched again on the same state directory; afterwards training-examples,
 * read as a read_committed consumer, must hold exactly one example per rated reply.
 */
public final class FeedbackCrashScenario {
  private static final Logger log = LoggerFactory.getLogger(FeedbackCrashScenario.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
  private static final String NAME = "feedback-stream";
  /** The stream's state listener logs this once its threads process records. */
  private static final String RUNNING = "REBALANCING -> RUNNING";

  private final ChaosEnvironment env;
  private final ReplyCrashScenario.Options options;

  /** Same options as the reply crash: the load (one rated reply per planned message) and the kill schedule. */
  public FeedbackCrashScenario(ChaosEnvironment env, ReplyCrashScenario.Options options) {
    this.env = env;
    this.options = options;
  }

  /** Runs the scenario and checks training-examples. */
  public ChaosResult run() throws InterruptedException {
    LoadOptions load = options.load();
    // The service prefixes feedback.application.id with the topic prefix; that is the consumer group.
    String applicationId = env.topicPrefix() + NAME;
    FeedbackTopics topics = FeedbackTopics.from(env.topics());
    MessagePlan plan = MessagePlan.of("rated", load.conversations(), load.messages(), load.seed());
    Random schedule = new Random(load.seed());
    List<String> uptimes = new ArrayList<>();
    Path settings = writeSettings();
    List<ChildProcess> launched = new ArrayList<>();
    long start = System.nanoTime();
    try (RatedReplyProducer producer = new RatedReplyProducer(env.clientProperties(), env.registryUrl(),
        new RatedReplyProducer.Topics(topics.customerMessages(), topics.agentReplies(), topics.feedback()), plan,
        load.messagesPerSecond())) {
      ChildProcess stream = launch(settings, launched);
      stream.awaitCount(RUNNING, 1, START_TIMEOUT);
      producer.start();
      for (int kill = 1; kill <= options.kills(); kill++) {
        // Kill only once the stream processes records, so that each kill can land mid-transaction.
        stream.awaitCount(RUNNING, 1, START_TIMEOUT);
        long uptime = options.minUptime().toMillis()
            + (long) (schedule.nextDouble() * (options.maxUptime().toMillis() - options.minUptime().toMillis()));
        TimeUnit.MILLISECONDS.sleep(uptime); // the fault schedule: a random moment of the stream's life
        log.info("kill {}/{}: SIGKILL to the feedback stream (pid {}) after {} ms, {} ratings acknowledged so far",
            kill, options.kills(), stream.pid(), uptime, producer.ratedCount());
        stream.kill();
        uptimes.add(String.format(Locale.ROOT, "%.1f s", uptime / 1000.0));
        stream = launch(settings, launched);
      }
      stream.awaitCount(FeedbackStreamChild.STARTED, 1, START_TIMEOUT);
      if (!producer.awaitSent(load.drainTimeout())) {
        throw new ScenarioException("the ratings were not sent within " + load.drainTimeout());
      }
      Set<String> rated = producer.ratedReplyIds();
      List<String> examples = awaitExamples(applicationId, topics.trainingExamples(), rated, load.drainTimeout());
      ExactlyOnceReport report = ExactlyOnceCheck.checkIds(rated, examples);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      stream.stop(Duration.ofSeconds(30));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("uptimes before each kill", uptimes);
      details.put("rated replies", rated.size());
      details.put("examples for unknown replies", report.unexpected());
      details.put("ratings failed to send", producer.failedCount());
      details.put("examples", report.examples());
      details.put("logs", env.logDirectory().toString());
      return new ChaosResult("crash feedback-stream", load.describe() + " (message + reply + rating each)",
          options.kills() + " x SIGKILL", options.kills(), report.recordsIn(), report.recordsOut(), report.lost(),
          report.duplicated() + report.unexpected(), 0, elapsed, details);
    } finally {
      launched.forEach(ChildProcess::close);
    }
  }

  /**
   * Waits until the application has no lag on any partition it consumes and training-examples covers every rated
   * reply (or the time runs out); returns the replyIds of every example read at that point.
   */
  private List<String> awaitExamples(String applicationId, String trainingExamples, Set<String> rated,
      Duration timeout) throws InterruptedException {
    GroupLag lag = new GroupLag(env.admin());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (CommittedOutputs outputs = new CommittedOutputs(env.clientProperties(), env.registryUrl(), READ_TIMEOUT)) {
      while (true) {
        long behind = lag.total(applicationId);
        List<String> seen = outputs.exampleReplyIds(trainingExamples);
        if (behind == 0 && new HashSet<>(seen).containsAll(rated) || System.nanoTime() > deadline) {
          return seen;
        }
        log.info("feedback stream lags {} records; {} of {} rated replies have an example", behind,
            new HashSet<>(seen).size(), rated.size());
        TimeUnit.NANOSECONDS.sleep(CHECK_EVERY.toNanos()); // progress is only observable by reading again
      }
    }
  }

  private Path writeSettings() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", env.bootstrapServers());
    all.put("schema.registry.url", env.registryUrl());
    all.put("topic.prefix", env.topicPrefix());
    all.put("data.dir", env.runDirectory().resolve("data-" + NAME).toString());
    all.put(FeedbackSettings.APPLICATION_ID, NAME);
    // A killed member leaves the group after 10 s instead of 45 s, so that a restart rebalances sooner.
    all.put("kafka.session.timeout.ms", "10000");
    all.put("kafka.heartbeat.interval.ms", "2500");
    all.put(FeedbackSettings.HTTP_PORT, "0");
    // The same state directory on every start: a restarted instance restores (or wipes) what the killed one left.
    all.put(FeedbackSettings.STATE_DIR, env.runDirectory().resolve("feedback-state").toString());
    return ChildJvm.writeSettings(env.runDirectory().resolve(NAME + ".properties"), all,
        "settings of the feedback stream in a chaos run");
  }

  private ChildProcess launch(Path settings, List<ChildProcess> launched) {
    ChildProcess child = ChildProcess.launch(new ChildSpec(NAME, FeedbackStreamChild.class,
        List.of(settings.toString()), ChildJvm.serviceOptions(), ChildProcess.quietNativeThreads(),
        env.logDirectory().resolve(NAME + ".log"), List.of(FeedbackStreamChild.STARTED, RUNNING)));
    launched.add(child);
    return child;
  }
}
