package io.kefu.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.train.LossScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fine-tune run and its evaluation gate on a real (tiny) model, no broker. */
class EvaluationGateTest {
  @TempDir
  static Path dir;
  private static FileSystemModelStore store;
  private static FineTuneRun run;

  @BeforeAll
  static void trainBase() throws Exception {
    store = new FileSystemModelStore(dir.resolve("models"));
    TinyCorpus.trainBase(store);
    run = newRun(store);
  }

  static FineTuneRun newRun(FileSystemModelStore store) {
    TinyCorpus corpus = new TinyCorpus();
    return new FineTuneRun("kefu", store, Device.cpu(), corpus,
        new TrainingSetBuilder(NegativeMode.UNLIKELIHOOD, 2, 0.5, 0.25, LossScope.WHOLE_REPLY, 0.1, 5),
        new FineTuneRecipe(3, 90, 16, 3e-3f, Duration.ofMinutes(2), 5, 1, 1.0), new ModelEvaluator(corpus, 40, 0),
        new GatePolicy(0.10, 0.10, 10.0, 100.0, 0.05), null, RunObserver.NONE, Clock.systemUTC());
  }

  @Test
  void shouldTrainEveryStageWhileTheValidationIntentStaysWithinTheBound() throws Exception {
    // Given a 3-stage recipe whose early stop never triggers (bound 100 points) and a validation set of 20 cases
    FineTuneRecipe recipe = new FineTuneRecipe(3, 30, 16, 3e-3f, Duration.ofMinutes(2), 5, 3, 100.0);
    ModelEvaluator evaluator = new ModelEvaluator(new TinyCorpus(), 20, 20);
    var train = TinyCorpus.goodExamples("stage-", 60).stream()
        .map(e -> TrainingSetBuilder.toReplyExample(e, 1f)).toList();

    // When a copy of the base trains on 60 good examples
    try (var base = store.load("base", Device.cpu())) {
      StagedTrainer.Result result = new StagedTrainer(recipe, evaluator, null)
          .train(base.copyAs("staged", dir.resolve("staged.params")), 50.0, train);
      try (var model = result.model()) {
        // Then all three stages ran on one schedule, were kept, and each was scored on the validation set
        assertThat(result.stagesRun()).isEqualTo(3);
        assertThat(result.stagesKept()).isEqualTo(3);
        assertThat(result.steps()).isEqualTo(12);
        assertThat(result.plannedSteps()).isEqualTo(12);
        assertThat(result.validationIntents()).hasSize(3).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
        assertThat(model.version()).isEqualTo("staged");
      }
    }
  }

  @Test
  void shouldTrainAScheduleOfOneStepPerStageWhoseStageBoundaryFallsOnTheEndOfTheWarmUp() throws Exception {
    // Given 4 steps in 4 stages at 1e-4 (the earlier default; an end rate one rounding above the start rate was refused)
    FineTuneRecipe recipe = new FineTuneRecipe(1, 4, 16, 1e-4f, Duration.ofMinutes(2), 5, 4, 100.0);
    ModelEvaluator evaluator = new ModelEvaluator(new TinyCorpus(), 20, 20);
    var train = TinyCorpus.goodExamples("short-", 64).stream()
        .map(e -> TrainingSetBuilder.toReplyExample(e, 1f)).toList();

    // When a copy of the base trains
    try (var base = store.load("base", Device.cpu())) {
      StagedTrainer.Result result = new StagedTrainer(recipe, evaluator, null)
          .train(base.copyAs("short", dir.resolve("short.params")), 50.0, train);
      try (var model = result.model()) {
        // Then every stage ran its one step
        assertThat(result.stagesRun()).isEqualTo(4);
        assertThat(result.steps()).isEqualTo(4);
      }
    }
  }

  @Test
  void shouldKeepTheFirstStageAndStopWhenItsValidationIntentAlreadyFellBelowTheBound() throws Exception {
    // Given a 3-stage recipe and a parent validation score no stage can reach (1,000 %)
    FineTuneRecipe recipe = new FineTuneRecipe(3, 30, 16, 3e-3f, Duration.ofMinutes(2), 5, 3, 1.0);
    ModelEvaluator evaluator = new ModelEvaluator(new TinyCorpus(), 20, 20);
    var train = TinyCorpus.goodExamples("stop-", 60).stream()
        .map(e -> TrainingSetBuilder.toReplyExample(e, 1f)).toList();

    // When a copy of the base trains
    try (var base = store.load("base", Device.cpu())) {
      StagedTrainer.Result result = new StagedTrainer(recipe, evaluator, null)
          .train(base.copyAs("stopped", dir.resolve("stopped.params")), 1000.0, train);
      try (var model = result.model()) {
        // Then training stopped after the first stage (4 of 12 steps), which is the candidate
        assertThat(result.stagesRun()).isEqualTo(1);
        assertThat(result.stagesKept()).isEqualTo(1);
        assertThat(result.steps()).isEqualTo(4);
        assertThat(result.plannedSteps()).isEqualTo(12);
        assertThat(model.version()).isEqualTo("stopped");
      }
    }
  }

  @Test
  void shouldRejectACandidateFineTunedOnShuffledRepliesWithTheReasonRecorded() throws Exception {
    // Given 120 five-star examples whose replies answer other conversations
    // When a run fine-tunes the base model on them
    RunOutcome outcome = run.execute("base", TinyCorpus.shuffledExamples("bad-", 120));

    // Then the gate rejects it, saying which figures regressed, and the record carries both evaluations
    ModelVersion record = outcome.record();
    assertThat(record.getStatus()).isEqualTo(ModelStatus.REJECTED);
    assertThat(record.getParentVersion()).isEqualTo("base");
    assertThat(record.getReason()).startsWith("rejected by the gate: ").contains("intent addressed");
    assertThat(record.getEvaluation()).containsKeys("heldout.loss", "parent.heldout.loss",
        "intent.addressed.percent", "parent.intent.addressed.percent");
    assertThat(record.getEvaluation().get("intent.addressed.percent"))
        .isLessThan(record.getEvaluation().get("parent.intent.addressed.percent") - 10.0);
    assertThat(record.getTrainingMetrics().get("examples")).isGreaterThan(90.0);
    // And the artifact is stored and verifies against the manifest hash on the record
    assertThat(store.manifestSha256(record.getVersion())).isEqualTo(record.getManifestSha256());
  }

  @Test
  void shouldPassACandidateFineTunedOnGoodRepliesAndReuseItsArtifactWhenTheSameRunRepeats() throws Exception {
    // Given 120 five-star examples with the right replies
    var examples = TinyCorpus.goodExamples("good-", 120);

    // When a run fine-tunes the base model on them
    RunOutcome first = run.execute("base", examples);

    // Then the candidate passes the gate
    assertThat(first.record().getStatus()).as(first.record().getReason()).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(first.record().getReason()).startsWith("passed the gate: ");
    assertThat(first.reused()).isFalse();

    // When a restarted fine-tuner runs on the same examples
    RunOutcome again = newRun(store).execute("base", examples);

    // Then it reuses the stored artifact and publishes the same outcome
    assertThat(again.reused()).isTrue();
    assertThat(again.record().getVersion()).isEqualTo(first.record().getVersion());
    assertThat(again.record().getStatus()).isEqualTo(first.record().getStatus());
    assertThat(again.record().getEvaluation()).isEqualTo(first.record().getEvaluation());
    assertThat(Files.list(dir.resolve("models")).filter(p -> p.getFileName().toString()
        .equals(first.record().getVersion())).count()).isEqualTo(1);
  }
}
