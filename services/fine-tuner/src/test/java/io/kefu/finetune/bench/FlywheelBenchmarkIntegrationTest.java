package io.kefu.finetune.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.corpus.Split;
import io.kefu.finetune.FineTuneSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.model.train.SeedExamples;
import io.kefu.reply.ReplySettings;
import io.kefu.simulator.HiddenPreference;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short flywheel (tiny model, one cycle) through every real service, checking the shape of its figures. */
class FlywheelBenchmarkIntegrationTest {
  @TempDir
  Path dir;

  @Test
  void shouldTurnOneCycleAndReportEveryFigureAsTableAndJson() throws Exception {
    // Given a tiny base model trained on the seed corpus, in a model store
    Path models = dir.resolve("models");
    trainTinyBase(models);
    FlywheelOptions options = FlywheelOptions.builder()
        .setStoreDirectory(models)
        .setWorkDirectory(dir.resolve("bench"))
        .optCycles(1)
        .optTrafficMessages(66)
        .optRatePerSecond(500)
        .optCanary(0.5, 66, 1)
        .optCanaryTest(5, 0.05)
        .optPoolSize(44)
        .optSeeds(5, 7)
        .optPreference(new HiddenPreference(5, 3, 2, 1, 0.15))
        .optSetting(ReplySettings.MAX_NEW_TOKENS, "40")
        .optSetting(ReplySettings.HANDOFF_CONFIDENCE, "0.0")
        .optSetting(ReplySettings.MODEL_DEVICE, "cpu")
        .optSetting(FineTuneSettings.MAX_STEPS, "8")
        .optSetting(FineTuneSettings.BATCH_SIZE, "8")
        .optSetting(FineTuneSettings.EVAL_CASES, "22")
        .optSetting(FineTuneSettings.VALIDATION_CASES, "22")
        .optSetting(FineTuneSettings.STAGES, "2")
        .optSetting(FineTuneSettings.REPLAY_POOL, "600")
        .optSetting(FineTuneSettings.DEVICE, "cpu")
        .build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    // When the benchmark runs one cycle
    FlywheelResult result = new FlywheelBenchmark(KefuConfig.load(null, Map.of()), options,
        new PrintStream(log, true, StandardCharsets.UTF_8)).run();

    // Then the cycle fine-tuned the base model on the rated traffic and the gate judged the candidate
    assertThat(result.baseVersion()).isEqualTo("base-1");
    assertThat(result.cycles()).hasSize(1);
    CycleResult cycle = result.cycles().get(0);
    assertThat(cycle.parentVersion()).isEqualTo("base-1");
    assertThat(cycle.trafficMessages()).isEqualTo(66);
    assertThat(cycle.version()).startsWith("ft-");
    assertThat(cycle.gateStatus()).isIn("CANDIDATE", "REJECTED");
    assertThat(cycle.gateReason()).containsAnyOf("passed the gate", "rejected by the gate");
    assertThat(cycle.trainingMetrics()).containsKeys("examples", "examples.human", "examples.replay", "steps",
        "stages.run", "stages.kept", "stage.1.validation.intent.percent", "seconds", "seconds.evaluate");
    assertThat(cycle.fineTuneSeconds()).isGreaterThan(cycle.trainingMetrics().get("seconds"));
    assertThat(cycle.trainingMetrics().get("examples") + cycle.trainingMetrics().get("examples.heldout")
        + cycle.trainingMetrics().get("examples.excluded")).isGreaterThan(0.0);
    assertThat(cycle.evaluation()).containsKeys("heldout.loss", "parent.heldout.loss", "intent.addressed.percent",
        "parent.intent.addressed.percent");
    // And a candidate went to a canary the controller decided on, a rejected one did not
    if (cycle.gateStatus().equals("CANDIDATE")) {
      assertThat(cycle.canaryDecision()).isIn("PROMOTE", "ROLL_BACK");
      assertThat(cycle.canaryRounds()).isEqualTo(1);
      assertThat(cycle.canaryArm().version()).isEqualTo(cycle.version());
      assertThat(cycle.activeArm().version()).isEqualTo("base-1");
      assertThat(cycle.activeAfter()).isEqualTo(cycle.canaryDecision().equals("PROMOTE") ? cycle.version()
          : "base-1");
    } else {
      assertThat(cycle.canaryDecision()).isEqualTo("NONE");
      assertThat(cycle.activeAfter()).isEqualTo("base-1");
    }
    // And both versions were rated offline on the same 44 held-out conversations
    assertThat(result.poolSize()).isEqualTo(44);
    for (HeldOutFigures figures : List.of(result.base(), cycle.heldOut())) {
      assertThat(figures.conversations()).isEqualTo(44);
      assertThat(figures.byStars().stream().mapToLong(Long::longValue).sum()).isEqualTo(44);
      double sum = 0;
      for (int stars = 1; stars <= 5; stars++) {
        sum += stars * figures.byStars().get(stars - 1);
      }
      assertThat(figures.meanRating()).isCloseTo(sum / 44, within(1e-9));
      assertThat(figures.csat()).isCloseTo((figures.byStars().get(3) + figures.byStars().get(4)) / 44.0,
          within(1e-9));
    }
    assertThat(cycle.heldOut().version()).isEqualTo(cycle.version());
    // And the outcome is computed from those figures
    assertThat(result.finalVersion()).isEqualTo(cycle.activeAfter());
    assertThat(result.uplift()).isCloseTo(result.finalFigures().meanRating() - result.base().meanRating(),
        within(1e-9));
    assertThat(result.baseIntentPercent()).isBetween(0.0, 100.0);
    assertThat(result.intentChangePoints()).isCloseTo(result.finalIntentPercent() - result.baseIntentPercent(),
        within(1e-9));
    assertThat(result.promoted()).isEqualTo(cycle.canaryDecision().equals("PROMOTE") ? 1 : 0);

    // And the JSON holds the same figures
    JsonNode json = new ObjectMapper().readTree(FlywheelReport.toJson(result));
    assertThat(json.get("baseVersion").asText()).isEqualTo("base-1");
    assertThat(json.get("uplift").asDouble()).isEqualTo(result.uplift());
    assertThat(json.get("base").get("meanRating").asDouble()).isEqualTo(result.base().meanRating());
    assertThat(json.get("cycles").get(0).get("version").asText()).isEqualTo(cycle.version());
    assertThat(json.get("cycles").get(0).get("heldOut").get("csat").asDouble()).isEqualTo(cycle.heldOut().csat());
    assertThat(json.get("cycles").get(0).get("evaluation").get("heldout.loss").asDouble())
        .isEqualTo(cycle.evaluation().get("heldout.loss"));
    Path file = dir.resolve("out/flywheel.json");
    FlywheelReport.writeJson(result, file);
    assertThat(new ObjectMapper().readTree(file.toFile())).isEqualTo(json);
    // And the table has the base row, the cycle row and the outcome
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    FlywheelReport.printTable(result, new PrintStream(table, true, StandardCharsets.UTF_8));
    String printed = table.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("flywheel benchmark of kefu-base from base-1")
        .containsPattern("(?m)^0 +base-1 ")
        .containsPattern("(?m)^1 +" + cycle.version() + " +base-1 ")
        .contains(String.format(java.util.Locale.ROOT, "uplift: %+.2f stars", result.uplift()))
        .contains("held-out intent score: base ")
        .containsPattern("(?m)^cycle 1 fine-tune: \\d+ new examples in \\d+ s \\(train \\d+ s, evaluate \\d+ s, "
            + "build/store/publish -?\\d+ s\\)$");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("cycle 1/1: traffic on base-1");
  }

  /** The default names (kefu-base, base-1) at a tiny size: 2 layers, width 48, 300 merges, 220 steps. */
  private static void trainTinyBase(Path models) throws Exception {
    BaseTrainingOptions options = BaseTrainingOptions.defaults(models)
        .withSize(2, 2, 48, 128)
        .withCorpus(600, 22, 300)
        .withSteps(220, Duration.ofSeconds(90))
        .withBatch(16, 3e-3f);
    BaseTrainer.Result trained = BaseTrainer.train(options, SeedExamples.generate(Split.TRAIN, 600, 1),
        SeedExamples.generate(Split.HELD_OUT, 22, 1), new PrintStream(OutputStream.nullOutputStream()));
    trained.model().close();
    assertThat(Files.isDirectory(models.resolve("base-1"))).isTrue();
  }
}
