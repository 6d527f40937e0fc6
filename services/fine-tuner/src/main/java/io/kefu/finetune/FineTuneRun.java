package io.kefu.finetune;

import ai.djl.Device;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.TrainingExample;
import io.kefu.lifecycle.ModelVersionRecords;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.TrainingMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fine-tune run: from the parent version and new examples to a stored artifact and the model-versions record of
 * its outcome. The version label is derived from the inputs ({@link RunIdentity}); when that version is already in
 * the store, an earlier attempt got that far, and its stored outcome is reused without training again.
 */
public final class FineTuneRun {
  private static final Logger log = LoggerFactory.getLogger(FineTuneRun.class);
  static final String OUTCOME = "outcome";

  private final String modelName;
  private final FileSystemModelStore store;
  private final Device device;
  private final BaseCorpus corpus;
  private final TrainingSetBuilder builder;
  private final FineTuneRecipe recipe;
  private final ModelEvaluator evaluator;
  private final GatePolicy gate;
  private final PrintStream progress;
  private final RunObserver observer;
  private final Clock clock;
  private final Map<String, Evaluation> parentEvaluations = new ConcurrentHashMap<>();
  private final Map<String, Double> parentValidationIntents = new ConcurrentHashMap<>();

  public FineTuneRun(String modelName, FileSystemModelStore store, Device device, BaseCorpus corpus,
      TrainingSetBuilder builder, FineTuneRecipe recipe, ModelEvaluator evaluator, GatePolicy gate,
      PrintStream progress, RunObserver observer, Clock clock) {
    this.modelName = modelName;
    this.store = store;
    this.device = device;
    this.corpus = corpus;
    this.builder = builder;
    this.recipe = recipe;
    this.evaluator = evaluator;
    this.gate = gate;
    this.progress = progress;
    this.observer = observer;
    this.clock = clock;
  }

  /** The version label a run on these inputs gets. */
  public String versionFor(String parentVersion, Collection<TrainingExample> examples) {
    return RunIdentity.version(parentVersion, examples, recipe.fingerprint() + "/" + builder.getClass().getName());
  }

  /**
   * Fine-tunes {@code parentVersion} on {@code examples}, evaluates candidate and parent, stores the artifact and
   * returns the outcome record (not yet published).
   *
   * @throws IOException when the store cannot be read or written
   * @throws IllegalArgumentException when no example is left to train on
   */
  public RunOutcome execute(String parentVersion, Collection<TrainingExample> examples) throws IOException {
    String version = versionFor(parentVersion, examples);
    if (store.versions().contains(version)) {
      ModelArtifact artifact = store.open(version);
      log.info("run {} was stored by an earlier attempt; publishing its stored outcome", version);
      return new RunOutcome(recordOf(artifact, parentVersion), true);
    }
    TrainingSet set = builder.build(examples, corpus);
    if (set.positives() + set.negatives() == 0) {
      throw new IllegalArgumentException("no example of the " + examples.size() + " new ones is left to train on ("
          + set.excluded() + " excluded, " + set.heldOut().size() + " held out)");
    }
    try (LanguageModel parent = store.load(parentVersion, device)) {
      long evaluateStart = System.nanoTime();
      Evaluation parentBase = parentEvaluations.computeIfAbsent(parentVersion, v -> evaluator.evaluateBase(parent));
      Evaluation parentEval = evaluator.withPreference(parentBase, parent, set.heldOut());
      String baseVersion = baseOf(parentVersion);
      // The early stop holds the candidate to the parent and to the lineage's base, as the gate does.
      double referenceIntent = recipe.stages() == 1 ? Double.NaN
          : Math.max(parentValidationIntents.computeIfAbsent(parentVersion, v -> evaluator.validationIntent(parent)),
              baseVersion.equals(parentVersion) ? Double.NEGATIVE_INFINITY : baseValidationIntent(baseVersion));
      double evaluateSeconds = secondsSince(evaluateStart);
      Path scratch = Files.createTempFile("kefu-finetune-", ".params");
      observer.trainingStarted(version, set.train().size());
      StagedTrainer.Result trained;
      try {
        trained = new StagedTrainer(recipe, evaluator, progress).train(parent.copyAs(version, scratch), referenceIntent,
            set.train());
      } finally {
        Files.deleteIfExists(scratch);
      }
      try (LanguageModel candidate = trained.model()) {
        evaluateStart = System.nanoTime();
        Evaluation candidateEval = evaluator.withPreference(evaluator.evaluateBase(candidate), candidate,
            set.heldOut());
        evaluateSeconds += secondsSince(evaluateStart);
        Evaluation baseEval = baseVersion.equals(parentVersion) ? null : baseEvaluation(baseVersion);
        GatePolicy.Verdict verdict = gate.judge(candidateEval, parentEval, baseVersion, baseEval);
        Map<String, Double> training = trainingMetrics(set, trained);
        training.put("seconds.evaluate", evaluateSeconds);
        Map<String, Double> evaluation = new LinkedHashMap<>(candidateEval.toMap(""));
        evaluation.putAll(parentEval.toMap("parent."));
        if (baseEval != null) {
          evaluation.put("base.intent.addressed.percent", baseEval.intentAddressedPercent());
        }
        evaluation = finite(evaluation);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", (verdict.passed() ? ModelStatus.CANDIDATE : ModelStatus.REJECTED).name());
        outcome.put("reason", verdict.reason());
        outcome.put("trainingMetrics", finite(training));
        outcome.put("evaluation", evaluation);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("kind", "fine-tune");
        recorded.put(OUTCOME, outcome);
        ModelArtifact artifact = store.save(candidate, parentVersion, recorded);
        observer.artifactStored(version);
        log.info("run {} from {} ({} training examples, {} s training, {} s evaluating): {}", version, parentVersion,
            set.train().size(), Math.round(trained.seconds()), Math.round(evaluateSeconds), verdict.reason());
        return new RunOutcome(recordOf(artifact, parentVersion), false);
      }
    }
  }

  /** The first version of {@code version}'s lineage: parent of parent ... up to the version without a parent. */
  private String baseOf(String version) throws IOException {
    String current = version;
    for (int hops = 0; hops < 10_000; hops++) {
      String parent = store.open(current).manifest().parentVersion();
      if (parent == null || !store.versions().contains(parent)) {
        return current;
      }
      current = parent;
    }
    throw new IOException("the lineage of " + version + " in " + store + " does not end: a cycle of parents?");
  }

  /** The lineage base's figures on the fixed held-out set, evaluated once. */
  private Evaluation baseEvaluation(String baseVersion) throws IOException {
    Evaluation cached = parentEvaluations.get(baseVersion);
    if (cached != null) {
      return cached;
    }
    try (LanguageModel base = store.load(baseVersion, device)) {
      Evaluation evaluation = evaluator.evaluateBase(base);
      parentEvaluations.put(baseVersion, evaluation);
      return evaluation;
    }
  }

  /** The lineage base's validation intent score, evaluated once. */
  private double baseValidationIntent(String baseVersion) throws IOException {
    Double cached = parentValidationIntents.get(baseVersion);
    if (cached != null) {
      return cached;
    }
    try (LanguageModel base = store.load(baseVersion, device)) {
      double intent = evaluator.validationIntent(base);
      parentValidationIntents.put(baseVersion, intent);
      return intent;
    }
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static Map<String, Double> trainingMetrics(TrainingSet set, StagedTrainer.Result trained) {
    Map<String, Double> map = new LinkedHashMap<>(set.counts());
    map.put("train.size", (double) set.train().size());
    map.put("steps", (double) trained.steps());
    map.put("steps.planned", (double) trained.plannedSteps());
    map.put("stages.run", (double) trained.stagesRun());
    map.put("stages.kept", (double) trained.stagesKept());
    for (int i = 0; i < trained.validationIntents().size(); i++) {
      map.put("stage." + (i + 1) + ".validation.intent.percent", trained.validationIntents().get(i));
    }
    map.put("seconds", trained.seconds());
    map.put("loss.first", (double) trained.firstLoss());
    map.put("loss.final", (double) trained.finalLoss());
    map.put("stopped.by.time.budget", trained.stoppedByTimeBudget() ? 1.0 : 0.0);
    return map;
  }

  private static Map<String, Double> finite(Map<String, Double> map) {
    Map<String, Double> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v != null && Double.isFinite(v)) {
        out.put(k, v);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private ModelVersion recordOf(ModelArtifact artifact, String parentVersion) throws IOException {
    Object stored = artifact.metrics().get(OUTCOME);
    if (!(stored instanceof Map<?, ?> outcome)) {
      throw new IOException("artifact " + artifact.directory() + " has no '" + OUTCOME + "' in its metrics; it was"
          + " not written by the fine-tuner");
    }
    ModelStatus status = ModelStatus.valueOf((String) outcome.get("status"));
    return ModelVersionRecords.first(modelName, artifact.manifest().version(), status, parentVersion,
        artifact.directory().toUri().toString(), artifact.manifestSha256(),
        doubles((Map<String, Object>) outcome.get("trainingMetrics")),
        doubles((Map<String, Object>) outcome.get("evaluation")), (String) outcome.get("reason"), clock.instant());
  }

  private static Map<String, Double> doubles(Map<String, Object> map) {
    Map<String, Double> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
    return out;
  }
}
