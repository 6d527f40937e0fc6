package io.kefu.reply.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.reply.confidence.ThresholdCalibrator.Calibration;
import io.kefu.reply.confidence.ThresholdCalibrator.Judged;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

  private static Judged good(double c) {
    return new Judged(c, true);
  }

  private static Judged bad(double c) {
    return new Judged(c, false);
  }

  @Test
  void shouldChooseTheLowestThresholdWhoseAcceptedRepliesMeetTheTargetPrecision() {
    // Given, by confidence: 0.9 good, 0.8 good, 0.7 bad, 0.6 good, 0.5 good, 0.4 bad, 0.3 bad
    // precision from the top: 1/1, 2/2, 2/3, 3/4, 4/5, 4/6, 4/7
    List<Judged> judged = List.of(bad(0.3), good(0.6), good(0.9), bad(0.7), good(0.5), bad(0.4), good(0.8));

    // When the target is 0.75: the lowest threshold still at >= 0.75 is 0.5 (4/5 = 0.8)
    Calibration calibration = new ThresholdCalibrator(0.75).calibrate(judged);

    // Then
    assertThat(calibration.threshold()).isEqualTo(0.5);
    assertThat(calibration.precision()).isEqualTo(0.8);
    assertThat(calibration.coverage()).isEqualTo(5.0 / 7);
    assertThat(calibration.samples()).isEqualTo(7);
  }

  @Test
  void shouldTreatTiedConfidencesAsOneStep() {
    // Given two replies at 0.5, one good and one bad, below one good reply at 0.9
    List<Judged> judged = List.of(good(0.9), good(0.5), bad(0.5));

    // When the target is 0.7: at 0.5 both tied replies are accepted together, 2/3 < 0.7
    Calibration calibration = new ThresholdCalibrator(0.7).calibrate(judged);

    // Then the threshold stays at 0.9
    assertThat(calibration.threshold()).isEqualTo(0.9);
    assertThat(calibration.coverage()).isEqualTo(1.0 / 3);
  }

  @Test
  void shouldAcceptEverythingWhenEveryReplyIsGood() {
    Calibration calibration = new ThresholdCalibrator(0.95).calibrate(List.of(good(0.2), good(0.1), good(0.7)));
    assertThat(calibration.threshold()).isEqualTo(0.1);
    assertThat(calibration.coverage()).isEqualTo(1.0);
    assertThat(calibration.precision()).isEqualTo(1.0);
  }

  @Test
  void shouldHandEverythingOffWhenNoThresholdReachesTheTarget() {
    // Given the most confident reply is bad
    Calibration calibration = new ThresholdCalibrator(0.9).calibrate(List.of(bad(0.8), good(0.6)));

    // Then the threshold is just above it and nothing is answered by the model
    assertThat(calibration.threshold()).isEqualTo(Math.nextUp(0.8));
    assertThat(calibration.coverage()).isEqualTo(0.0);
    assertThat(calibration.precision()).isNaN();
  }

  @Test
  void shouldRefuseAnEmptySampleAndAnOutOfRangeTarget() {
    assertThatThrownBy(() -> new ThresholdCalibrator(0.9).calibrate(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calibration needs at least one judged reply, got none");
    assertThatThrownBy(() -> new ThresholdCalibrator(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("target precision must be in (0, 1], was 1.5");
  }
}
