package io.kefu.finetune.bench;

import io.kefu.contract.CommandKind;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import io.kefu.feedback.FeedbackStreamService;
import io.kefu.finetune.FineTuneSettings;
import io.kefu.finetune.FineTunerService;
import io.kefu.finetune.FineTunerStatus;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.Topic;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.canary.CanaryController;
import io.kefu.lifecycle.canary.CanaryDecision;
import io.kefu.lifecycle.canary.CanaryPolicy;
import io.kefu.lifecycle.canary.OpsMetricsRatings;
import io.kefu.model.ComputeDevice;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.reply.ReplyOptions;
import io.kefu.reply.ReplyService;
import io.kefu.reply.ReplySettings;
import io.kefu.reply.serving.ArtifactLoader;
import io.kefu.reply.serving.ModelServing;
import io.kefu.reply.serving.RefusalReporter;
import io.kefu.simulator.CustomerScenarios;
import io.kefu.simulator.CustomerSimulator;
import io.kefu.simulator.RatingTally;
import io.kefu.simulator.ReplyAssessor;
import io.kefu.simulator.SimulationPlan;
import io.kefu.simulator.SimulationProgress;
import io.kefu.simulator.SimulationReport;
import io.kefu.simulator.SimulatedCustomer;
import io.kefu.simulator.corpus.SeedCorpusAssessor;
import io.kefu.simulator.corpus.SeedCorpusScenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full loop the benchmark turns, on a started platform: the reply service answering customers with the versions
 * model-versions names (its {@link ModelServing}: verified loads, hot swap, sticky canary routing), the feedback
 * stream turning ratings into training examples and aggregates, the fine-tuner (started from settings alone, run on
 * demand with TRAIN_NOW), and the canary controller deciding on live ratings from ops-metrics. One {@link #cycle} is:
 * rated traffic on the ACTIVE version, a fine-tune run, the gate's verdict, and for a candidate canary rounds until
 * the controller promotes or rolls it back (an undecided canary is rolled back when the rounds are spent).
 */
final class FlywheelLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlywheelLoop.class);
  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final Duration EXAMPLES_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration AGGREGATES_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
  private static final String OPERATOR = "flywheel-benchmark";

  private final KefuConfig config;
  private final FlywheelOptions options;
  private final FileSystemModelStore store;
  private final String modelName;
  private final PrintStream progress;
  private final Clock clock;
  private final Map<String, Object> kafka;
  private final CustomerScenarios scenarios;
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final ReplyAssessor assessor = new SeedCorpusAssessor();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private LifecycleClients clients;
  private ModelRegistryView view;
  private LifecyclePublisher publisher;
  private OpsMetricsRatings aggregates;
  private FineTunerService fineTuner;
  private ReplyService replies;
  private CanaryController controller;
  private long unusedExamples;
  private double lastFineTuneSeconds;

  private FlywheelLoop(KefuConfig config, FlywheelOptions options, FileSystemModelStore store, String modelName,
      PrintStream progress, Clock clock) {
    this.config = config;
    this.options = options;
    this.store = store;
    this.modelName = modelName;
    this.progress = progress;
    this.clock = clock;
    this.kafka = config.kafkaClientProperties();
    SeedCorpusScenarios heldOut = new SeedCorpusScenarios(options.trafficSeed());
    this.scenarios = random -> {
      SimulatedCustomer customer = heldOut.next(random);
      sent.add(customer.text());
      return customer;
    };
  }

  /** Registers {@code base} as the ACTIVE version and starts every service of the loop. */
  static FlywheelLoop start(KefuConfig config, FlywheelOptions options, FileSystemModelStore store, ModelArtifact base,
      PrintStream progress, Clock clock) throws IOException, InterruptedException {
    FlywheelLoop loop = new FlywheelLoop(config, options, store, base.manifest().modelName(), progress, clock);
    try {
      loop.startServices(base);
      return loop;
    } catch (IOException | InterruptedException | RuntimeException e) {
      loop.close();
      throw e;
    }
  }

  private void startServices(ModelArtifact base) throws IOException, InterruptedException {
    clients = own(LifecycleClients.fromConfig(config));
    view = own(new ModelRegistryView(kafka, clients.topics().modelVersions()));
    view.start();
    aggregates = own(new OpsMetricsRatings(kafka, clients.topics().opsMetrics()));
    aggregates.start();
    if (!view.awaitCaughtUp(CATCH_UP) || !aggregates.awaitCaughtUp(CATCH_UP)) {
      throw new IllegalStateException("could not read model-versions and ops-metrics within " + CATCH_UP.toSeconds()
          + " s");
    }
    publisher = own(new LifecyclePublisher(kafka, "flywheel-lifecycle", clients.topics().modelVersions(), view, clock));
    publisher.registerBase(modelName, base.manifest().version(), base.directory().toUri().toString(),
        base.manifestSha256(), Map.of(), Map.of());
    FeedbackStreamService feedback = own(new FeedbackStreamService(config));
    feedback.start();
    fineTuner = own(FineTunerService.fromConfig(config, progress));
    fineTuner.start();
    Poll.until(CATCH_UP, fineTuner::isReady, "the fine-tuner to be assigned its partitions");
    ReplyOptions reply = ReplyOptions.from(config);
    ModelServing serving = own(new ModelServing(view, modelName,
        new ArtifactLoader(store, ComputeDevice.parse(config.get(ReplySettings.MODEL_DEVICE)).resolve()),
        new RefusalReporter(publisher, "flywheel reply service"), reply.engineOptions(), reply.sampling()));
    serving.start();
    replies = own(new ReplyService(config, serving.generator()));
    replies.start();
    Poll.until(CATCH_UP, replies::isReady, "the reply service to be assigned its partitions");
    controller = new CanaryController(modelName,
        new CanaryPolicy(options.canaryMinRatings(), options.canaryAlpha(), 0.0, Duration.ofDays(1)),
        options.canaryShare(), true, view, publisher, aggregates, clock);
  }

  /** Runs cycle {@code number}. */
  CycleResult cycle(int number) throws InterruptedException {
    long start = System.nanoTime();
    ModelVersion parent = activeVersion();
    say("cycle %d/%d: traffic on %s", number, options.cycles(), parent.getVersion());
    SimulationReport traffic = phase("c" + number + "-traffic", options.trafficMessages(), seed(number, 0));
    LiveFigures live = LiveFigures.of(parent.getVersion(), traffic.byVersion().get(parent.getVersion()));
    Optional<ModelVersion> outcome = fineTune(parent, number);
    double fineTuneSeconds = lastFineTuneSeconds;
    if (outcome.isEmpty()) {
      return new CycleResult(number, parent.getVersion(), options.trafficMessages(), live, null, "SKIPPED",
          "no new example was left to train on", Map.of(), Map.of(), 0, "NONE", "no candidate", 0, null, null, null,
          parent.getVersion(), seconds(start));
    }
    ModelVersion candidate = outcome.get();
    say("cycle %d: %s %s in %.0f s (%s): %s", number, candidate.getVersion(), candidate.getStatus(), fineTuneSeconds,
        FlywheelReport.phases(candidate.getTrainingMetrics(), fineTuneSeconds), candidate.getReason());
    if (candidate.getStatus() != ModelStatus.CANDIDATE) {
      return new CycleResult(number, parent.getVersion(), options.trafficMessages(), live, candidate.getVersion(),
          candidate.getStatus().name(), candidate.getReason(), candidate.getTrainingMetrics(),
          candidate.getEvaluation(), fineTuneSeconds, "NONE", "rejected by the gate: no canary", 0, null, null, null,
          activeVersion().getVersion(), seconds(start));
    }
    Canary canary = canary(number, candidate, parent);
    say("cycle %d: canary %s: %s", number, canary.decision(), canary.reason());
    return new CycleResult(number, parent.getVersion(), options.trafficMessages(), live, candidate.getVersion(),
        candidate.getStatus().name(), candidate.getReason(), candidate.getTrainingMetrics(), candidate.getEvaluation(),
        fineTuneSeconds, canary.decision(), canary.reason(), canary.rounds(), canary.canaryArm(), canary.activeArm(),
        null,
        activeVersion().getVersion(), seconds(start));
  }

  private record Canary(String decision, String reason, int rounds, LiveFigures canaryArm, LiveFigures activeArm) {}

  private Optional<ModelVersion> fineTune(ModelVersion parent, int number) throws InterruptedException {
    long expected = unusedExamples;
    if (!Poll.within(EXAMPLES_TIMEOUT, () -> fineTuner.status().bufferedExamples() >= expected)) {
      log.warn("only {} of {} expected training examples reached the fine-tuner within {} s; training on those",
          fineTuner.status().bufferedExamples(), expected, EXAMPLES_TIMEOUT.toSeconds());
    }
    Set<String> known = view.versions().versions(modelName).stream().map(ModelVersion::getVersion)
        .collect(Collectors.toSet());
    FineTunerStatus before = fineTuner.status();
    say("cycle %d: fine-tuning %s on %d new examples", number, parent.getVersion(), before.bufferedExamples());
    long start = System.nanoTime();
    sendTrainNow(number);
    Poll.until(options.runTimeout(), () -> {
      FineTunerStatus now = fineTuner.status();
      if (now.state() == FineTunerStatus.State.FAILED) {
        throw new IllegalStateException("the fine-tuner failed: " + now.failure());
      }
      return now.runs() > before.runs() || now.bufferedExamples() == 0;
    }, "the fine-tune run of cycle " + number);
    unusedExamples = 0;
    if (fineTuner.status().runs() == before.runs()) {
      lastFineTuneSeconds = 0;
      return Optional.empty();
    }
    Poll.until(CATCH_UP, () -> newVersion(known, parent).isPresent(), "the outcome of cycle " + number
        + " on model-versions");
    lastFineTuneSeconds = seconds(start);
    return newVersion(known, parent);
  }

  private Optional<ModelVersion> newVersion(Set<String> known, ModelVersion parent) {
    return view.versions().versions(modelName).stream()
        .filter(v -> !known.contains(v.getVersion()) && parent.getVersion().equals(v.getParentVersion()))
        .map(v -> view.history(modelName, v.getVersion()).get(0))
        .findFirst();
  }

  private Canary canary(int number, ModelVersion candidate, ModelVersion parent) throws InterruptedException {
    controller.checkOnce();
    ModelVersion running = view.canary(modelName).filter(c -> c.getVersion().equals(candidate.getVersion()))
        .orElseThrow(() -> new IllegalStateException("the canary controller did not start a canary of "
            + candidate.getVersion() + "; its status is " + view.latest(modelName, candidate.getVersion())
            .map(ModelVersion::getStatus).orElse(null)));
    Instant since = running.getChangedAt();
    Map<String, long[]> arms = new HashMap<>();
    CanaryDecision decision = null;
    int rounds = 0;
    while (rounds < options.canaryRounds()) {
      rounds++;
      SimulationReport report = phase("c" + number + "-canary" + rounds, options.canaryMessages(),
          seed(number, rounds));
      add(arms, candidate.getVersion(), report);
      add(arms, parent.getVersion(), report);
      long canaryRatings = total(arms, candidate.getVersion()).ratings();
      long activeRatings = total(arms, parent.getVersion()).ratings();
      if (!Poll.within(AGGREGATES_TIMEOUT,
          () -> aggregates.ratingsSince(candidate.getVersion(), since).ratings() >= canaryRatings
              && aggregates.ratingsSince(parent.getVersion(), since).ratings() >= activeRatings)) {
        log.warn("ops-metrics did not count the canary round's {} + {} ratings within {} s; deciding on what arrived",
            canaryRatings, activeRatings, AGGREGATES_TIMEOUT.toSeconds());
      }
      decision = controller.checkOnce().orElseThrow(() -> new IllegalStateException("the canary of "
          + candidate.getVersion() + " ended outside the canary controller"));
      if (decision.verdict() != CanaryDecision.Verdict.CONTINUE) {
        break;
      }
    }
    String verdict = decision.verdict().name();
    String reason = decision.reason();
    if (decision.verdict() == CanaryDecision.Verdict.CONTINUE) {
      reason = "undecided after " + rounds + " canary rounds, rolled back: " + decision.reason();
      publisher.rollBack(modelName, candidate.getVersion(), "flywheel benchmark: " + reason);
      verdict = CanaryDecision.Verdict.ROLL_BACK.name();
    }
    return new Canary(verdict, reason, rounds,
        LiveFigures.of(candidate.getVersion(), total(arms, candidate.getVersion())),
        LiveFigures.of(parent.getVersion(), total(arms, parent.getVersion())));
  }

  private static void add(Map<String, long[]> arms, String version, SimulationReport report) {
    RatingTally.Snapshot snapshot = report.byVersion().get(version);
    long[] sum = arms.computeIfAbsent(version, v -> new long[5]);
    if (snapshot != null) {
      for (int i = 0; i < 5; i++) {
        sum[i] += snapshot.byStars()[i];
      }
    }
  }

  private static RatingTally.Snapshot total(Map<String, long[]> arms, String version) {
    return new RatingTally.Snapshot(arms.getOrDefault(version, new long[5]).clone());
  }

  /** Sends {@code messages} simulated customers and waits until each is answered and rated. */
  private SimulationReport phase(String runId, int messages, long seed) throws InterruptedException {
    SimulationPlan plan = new SimulationPlan(runId, options.ratePerSecond(), messages, seed, 1.0,
        options.operatorAnswers());
    Duration limit = Duration.ofSeconds((long) (messages / options.ratePerSecond()) + 600);
    long deadline = System.nanoTime() + limit.toNanos();
    try (CustomerSimulator simulator = new CustomerSimulator(kafka, clients.topics(), scenarios, assessor,
        options.preference(), plan, clock)) {
      simulator.start();
      while (!simulator.awaitAnswered(PROGRESS_EVERY)) {
        if (!replies.isLive()) {
          throw new IllegalStateException("the reply service stopped during phase " + runId);
        }
        say("  %s", SimulationProgress.line(runId, messages, simulator.report()));
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("phase " + runId + " was not answered within " + limit.toSeconds() + " s: "
              + SimulationProgress.line(runId, messages, simulator.report()));
        }
      }
      SimulationReport report = simulator.report();
      say("  %s", SimulationProgress.line(runId, messages, report));
      unusedExamples += report.rated() + report.operatorAnswers();
      return report;
    }
  }

  private void sendTrainNow(int number) {
    Topic<String, OperatorCommand> topic = clients.topics().operatorCommands();
    OperatorCommand command = OperatorCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setKind(CommandKind.TRAIN_NOW)
        .setModelName(modelName)
        .setModelVersion(null)
        .setConversationId(null)
        .setOperatorId(OPERATOR)
        .setReason("flywheel cycle " + number)
        .setIssuedAt(clock.instant())
        .build();
    try (KafkaProducer<String, OperatorCommand> producer = new KafkaProducer<>(kafka, topic.keySerde().serializer(),
        topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), modelName, command)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending TRAIN_NOW", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send TRAIN_NOW to " + topic.name() + ": " + e.getCause(), e.getCause());
    }
  }

  /** The ACTIVE version now. */
  ModelVersion activeVersion() {
    return view.active(modelName).orElseThrow(() -> new IllegalStateException(modelName + " has no ACTIVE version"));
  }

  /** Every customer message sent as traffic so far. */
  Set<String> sentMessages() {
    return Set.copyOf(sent);
  }

  /** The model's name on model-versions. */
  String modelName() {
    return modelName;
  }

  private long seed(int cycle, int round) {
    return options.trafficSeed() * 1_000 + cycle * 10L + round;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void say(String format, Object... args) {
    progress.println(String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  /** Stops every service, newest first. */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("closing {} failed", resources.get(i).getClass().getSimpleName(), e);
      }
    }
    resources.clear();
  }
}
