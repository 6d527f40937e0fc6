package io.kefu.reply.confidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.corpus.HumanRequestDetector;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.reply.confidence.ThresholdCalibrator.Calibration;
import io.kefu.reply.confidence.ThresholdCalibrator.Judged;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.testing.TinyReplyModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutCalibrationTest {

  @Test
  void shouldJudgeEveryHeldOutConversationTheModelWouldAnswerAndHandAllOffWhenNoneIsAcceptable() {
    // Given a real tiny model that only knows order questions, so no held-out reply addresses its intent
    try (GenerationEngine engine = TinyReplyModel.engine(TinyReplyModel.shared())) {
      HeldOutCalibration calibration =
          new HeldOutCalibration(new EngineReplyGenerator(engine, SamplingSettings.greedy(32)), Duration.ofMinutes(2));
      long expected = SeedCorpus.withDefaults().generate(Split.HELD_OUT, 60, 5).stream()
          .filter(c -> !HumanRequestDetector.asksForHuman(c.customerMessage())).count();

      // When 60 held-out conversations are judged and the threshold is calibrated for 90% acceptable replies
      List<Judged> judged = calibration.judge(60, 5);
      Calibration result = new ThresholdCalibrator(0.9).calibrate(judged);

      // Then every conversation not asking for a person was judged, none acceptably, and the threshold hands all off
      assertThat(judged).hasSize((int) expected);
      assertThat(judged).noneMatch(Judged::accepted);
      assertThat(judged).allSatisfy(j -> assertThat(j.confidence()).isBetween(0.0, 1.0));
      assertThat(result.coverage()).isEqualTo(0.0);
      assertThat(result.threshold())
          .isGreaterThan(judged.stream().mapToDouble(Judged::confidence).max().orElseThrow());
    }
  }
}
