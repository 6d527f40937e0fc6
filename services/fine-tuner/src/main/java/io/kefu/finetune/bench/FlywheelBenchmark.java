package io.kefu.finetune.bench;

import ai.djl.Device;
import io.kefu.feedback.FeedbackSettings;
import io.kefu.finetune.FineTuneSettings;
import io.kefu.finetune.ModelEvaluator;
import io.kefu.finetune.SeedBaseCorpus;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.model.ComputeDevice;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.model.store.ModelArtifact;
import io.kefu.reply.ReplyOptions;
import io.kefu.reply.ReplySettings;
import io.kefu.simulator.HiddenPreference;
import io.kefu.simulator.corpus.SeedCorpusAssessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code kefu bench flywheel}: turns the flywheel for K cycles on an embedded broker and registry and measures what
 * it gained.
 *
 * <p>Setup: the base model is copied from the given model store into a fresh benchmark store and registered ACTIVE;
 * the reply service (serving the versions model-versions names, canary included), the feedback stream, the fine-tuner
 * ({@link io.kefu.finetune.FineTunerService#fromConfig}) and the canary controller start ({@link FlywheelLoop}). Each cycle sends rated
 * traffic from simulated customers with the hidden preference, fine-tunes on the resulting examples (TRAIN_NOW), and
 * canaries a candidate that passed the gate until the controller promotes or rolls it back.
 *
 * <p>Then every version (base and each candidate) is rated offline on a fixed pool of held-out conversations no
 * traffic contained, with the same decoding, the same rule and the same noise draws; the uplift is the final ACTIVE
 * version's mean rating minus the base's, and the held-out intent score (the gate's reply-quality check) is measured
 * for both.
 *
 * <pre>{@code
 * FlywheelResult result = new FlywheelBenchmark(config, FlywheelOptions.builder()
 *     .setStoreDirectory(Path.of("data/models")).setWorkDirectory(Path.of("data/bench")).build(), System.err).run();
 * FlywheelReport.printTable(result, System.out);
 * FlywheelReport.writeJson(result, Path.of("flywheel.json"));
 * }</pre>
 */
public final class FlywheelBenchmark {
  private final KefuConfig base;
  private final FlywheelOptions options;
  private final PrintStream progress;
  private final Clock clock;

  /**
   * A benchmark with {@code base} settings (any reply, fine-tuner or feedback-stream setting applies; the options'
   * settings override them), printing its progress to {@code progress}.
   */
  public FlywheelBenchmark(KefuConfig base, FlywheelOptions options, PrintStream progress) {
    this.base = base;
    this.options = options;
    this.progress = progress;
    this.clock = Clock.systemUTC();
  }

  /**
   * Runs the benchmark and returns its figures.
   *
   * @throws IOException when the base model cannot be found, copied or loaded
   * @throws IllegalStateException when a service fails or a phase times out
   */
  public FlywheelResult run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path runDirectory = options.workDirectory().toAbsolutePath().resolve("run-" + clock.millis());
    Files.createDirectories(runDirectory);
    String baseVersion = options.baseVersion() != null ? options.baseVersion()
        : BaseArtifact.newestBase(options.storeDirectory());
    FileSystemModelStore store = new FileSystemModelStore(runDirectory.resolve("models"));
    ModelArtifact baseArtifact = BaseArtifact.copy(new FileSystemModelStore(options.storeDirectory()), baseVersion,
        store);
    String modelName = baseArtifact.manifest().modelName();
    say("flywheel of %s:%s in %s", modelName, baseVersion, runDirectory);

    List<CycleResult> cycles = new ArrayList<>();
    Set<String> sent;
    String finalVersion;
    KefuConfig config;
    try (FlywheelPlatform platform = FlywheelPlatform.start(base, settings(modelName, store, runDirectory),
        runDirectory)) {
      config = platform.config();
      try (FlywheelLoop loop = FlywheelLoop.start(config, options, store, baseArtifact, progress, clock)) {
        for (int cycle = 1; cycle <= options.cycles(); cycle++) {
          cycles.add(loop.cycle(cycle));
        }
        sent = loop.sentMessages();
        finalVersion = loop.activeVersion().getVersion();
      }
    }
    return measure(config, store, modelName, baseVersion, cycles, sent, finalVersion, start);
  }

  /** Rates every version on the held-out pool and measures the intent scores of the base and final versions. */
  private FlywheelResult measure(KefuConfig config, FileSystemModelStore store, String modelName, String baseVersion,
      List<CycleResult> cycles, Set<String> sent, String finalVersion, long start) throws IOException {
    HeldOutPool pool = HeldOutPool.of(options.poolSeed(), options.poolSize(),
        options.excludeSentMessages() ? sent : Set.of());
    say("rating every version offline on %d held-out conversations (%d left out: sent as traffic)",
        pool.customers().size(), pool.excluded());
    HeldOutRater rater = new HeldOutRater(pool, ReplyOptions.from(config).sampling(), new SeedCorpusAssessor(),
        options.preference(), options.poolSeed());
    ModelEvaluator evaluator = new ModelEvaluator(SeedBaseCorpus.fromConfig(config),
        config.getInt(FineTuneSettings.EVAL_CASES), 0);
    Device device = ComputeDevice.parse(config.get(FineTuneSettings.DEVICE)).resolve();
    Map<String, HeldOutFigures> figures = new LinkedHashMap<>();
    Map<String, Double> intent = new LinkedHashMap<>();
    List<String> versions = new ArrayList<>();
    versions.add(baseVersion);
    cycles.stream().filter(c -> c.version() != null).forEach(c -> versions.add(c.version()));
    for (String version : versions) {
      try (LanguageModel model = store.load(version, device)) {
        HeldOutFigures rated = rater.rate(model);
        figures.put(version, rated);
        if (version.equals(baseVersion) || version.equals(finalVersion)) {
          intent.put(version, evaluator.evaluateBase(model).intentAddressedPercent());
        }
        say("  %s: mean %.2f, CSAT %.1f%%, right intent %.0f%%, order number %.0f%%, next step %.0f%%", version,
            rated.meanRating(), 100 * rated.csat(), rated.rightIntentPercent(), rated.namesOrderPercent(),
            rated.nextStepPercent());
      }
    }
    List<CycleResult> measured = cycles.stream()
        .map(c -> c.version() == null ? c : c.withHeldOut(figures.get(c.version())))
        .toList();
    List<CycleResult> promoted = measured.stream().filter(c -> "PROMOTE".equals(c.canaryDecision())).toList();
    boolean everyBetter = promoted.stream()
        .allMatch(c -> figures.get(c.version()).meanRating() > figures.get(c.parentVersion()).meanRating());
    HeldOutFigures baseFigures = figures.get(baseVersion);
    HeldOutFigures finalFigures = figures.get(finalVersion);
    double baseIntent = intent.get(baseVersion);
    double finalIntent = intent.get(finalVersion);
    return new FlywheelResult(modelName, baseVersion, setup(config), pool.customers().size(), pool.excluded(),
        baseFigures, baseIntent, measured, finalVersion, finalFigures, finalIntent,
        finalFigures.meanRating() - baseFigures.meanRating(), finalIntent - baseIntent, promoted.size(), everyBetter,
        (System.nanoTime() - start) / 1e9);
  }

  /** The settings of the benchmark's services: its defaults, then the options' settings, then what it must own. */
  private Map<String, String> settings(String modelName, FileSystemModelStore store, Path runDirectory) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(FeedbackSettings.WINDOW_SIZE, "5s");
    settings.put(FeedbackSettings.WINDOW_GRACE, "1m");
    settings.put(FeedbackSettings.HTTP_PORT, "0");
    settings.put(ReplySettings.TEMPERATURE, "0.8");
    settings.put(ReplySettings.TOP_P, "0.95");
    settings.put(ReplySettings.HTTP_PORT, "0");
    settings.putAll(options.settings());
    settings.put(LifecycleSettings.MODEL_NAME, modelName);
    settings.put(FineTuneSettings.STORE_DIR, runDirectory.resolve("models").toString());
    settings.put(FineTuneSettings.TRIGGER_EXAMPLES, "1000000000");
    settings.put(FineTuneSettings.TRIGGER_INTERVAL, "3650d");
    settings.put(FineTuneSettings.MIN_EXAMPLES, "1");
    return settings;
  }

  private Map<String, String> setup(KefuConfig config) {
    HiddenPreference p = options.preference();
    Map<String, String> setup = new LinkedHashMap<>();
    setup.put("cycles", String.valueOf(options.cycles()));
    setup.put("traffic", String.format(Locale.ROOT, "%d messages per cycle at %.0f/s, seed %d",
        options.trafficMessages(), options.ratePerSecond(), options.trafficSeed()));
    setup.put("hidden preference", String.format(Locale.ROOT,
        "complete %d, partial %d, vague %d, wrong %d stars; noise %.2f", p.complete(), p.partial(), p.vague(),
        p.wrong(), p.noise()));
    SamplingSettings sampling = ReplyOptions.from(config).sampling();
    setup.put("replies", String.format(Locale.ROOT,
        "reply service with model serving; temperature %.2f, top-k %d, top-p %.2f, max %d tokens; handoff below "
            + "confidence %s; operator answers handoffs: %s", sampling.temperature(), sampling.topK(),
        sampling.topP(), sampling.maxNewTokens(), config.get(ReplySettings.HANDOFF_CONFIDENCE),
        options.operatorAnswers() ? "yes" : "no"));
    setup.put("canary", String.format(Locale.ROOT,
        "share %.2f, %d messages per round, at most %d rounds, %d ratings per arm, alpha %.3f",
        options.canaryShare(), options.canaryMessages(), options.canaryRounds(), options.canaryMinRatings(),
        options.canaryAlpha()));
    setup.put("fine-tune", String.format(Locale.ROOT,
        "epochs %s, max steps %s, batch %s, learning rate %s, %s stages (early stop at -%s intent points on %s "
            + "validation cases), negatives %s (<= %s stars) x%s, replay %s (loss on %s), held out %s, eval cases %s",
        config.get(FineTuneSettings.EPOCHS), config.get(FineTuneSettings.MAX_STEPS),
        config.get(FineTuneSettings.BATCH_SIZE), config.get(FineTuneSettings.LEARNING_RATE),
        config.get(FineTuneSettings.STAGES), config.get(FineTuneSettings.EARLY_STOP_INTENT_DROP),
        config.get(FineTuneSettings.VALIDATION_CASES), config.get(FineTuneSettings.NEGATIVES),
        config.get(FineTuneSettings.NEGATIVE_MAX_STARS), config.get(FineTuneSettings.NEGATIVE_SCALE),
        config.get(FineTuneSettings.REPLAY_RATIO), config.get(FineTuneSettings.REPLAY_LOSS),
        config.get(FineTuneSettings.HELDOUT_SHARE), config.get(FineTuneSettings.EVAL_CASES)));
    setup.put("gate", String.format(Locale.ROOT,
        "rejects at intent -%s points, ends properly -%s points, preference -%s, liked-reply loss +%s, base-corpus "
            + "loss +%s", config.get(FineTuneSettings.GATE_MAX_INTENT_DROP),
        config.get(FineTuneSettings.GATE_MAX_ENDING_DROP), config.get(FineTuneSettings.GATE_MAX_PREFERENCE_DROP),
        config.get(FineTuneSettings.GATE_MAX_LIKED_LOSS_INCREASE),
        config.get(FineTuneSettings.GATE_MAX_LOSS_INCREASE)));
    setup.put("pool", String.format(Locale.ROOT, "seed %d, %d conversations, messages sent as traffic %s",
        options.poolSeed(), options.poolSize(), options.excludeSentMessages() ? "left out" : "kept"));
    return setup;
  }

  private void say(String format, Object... args) {
    progress.println(String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
