package io.kefu.reply.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kefu.reply.generate.GeneratedReply;
import org.junit.jupiter.api.Test;

class ConfidenceMappingTest {

  @Test
  void shouldMapTheMeanLogProbabilityToTheGeometricMeanTokenProbability() {
    // Given tokens picked with probabilities 0.5 and 0.125: mean log p = (ln 0.5 + ln 0.125) / 2 = ln 0.25
    double mean = (Math.log(0.5) + Math.log(0.125)) / 2;

    // When / Then
    assertThat(ConfidenceMapping.confidence(mean, 2)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void shouldGiveOneForCertainTokensAndZeroForNoTokensOrNaN() {
    assertThat(ConfidenceMapping.confidence(0.0, 5)).isEqualTo(1.0);
    assertThat(ConfidenceMapping.confidence(1e-9, 5)).isEqualTo(1.0);
    assertThat(ConfidenceMapping.confidence(-1.0, 0)).isEqualTo(0.0);
    assertThat(ConfidenceMapping.confidence(Double.NaN, 3)).isEqualTo(0.0);
    assertThat(ConfidenceMapping.confidence(Double.NEGATIVE_INFINITY, 3)).isEqualTo(0.0);
  }

  @Test
  void shouldGiveAGeneratedReplyItsTokenConfidenceOnlyWhenItIsCompleteAndVisible() {
    double mean = Math.log(0.8);
    assertThat(ConfidenceMapping.of(new GeneratedReply("Refund started.", 4, mean, true, "v1")))
        .isCloseTo(0.8, within(1e-12));
    assertThat(ConfidenceMapping.of(new GeneratedReply("Refund sta", 4, mean, false, "v1"))).isEqualTo(0.0);
    assertThat(ConfidenceMapping.of(new GeneratedReply(" \n", 2, mean, true, "v1"))).isEqualTo(0.0);
    String garbled = "您的反\uFFFD\uFFFD。";
    assertThat(ConfidenceMapping.of(new GeneratedReply(garbled, 6, mean, true, "v1"))).isEqualTo(0.0);
    assertThat(ConfidenceMapping.of(new GeneratedReply("您的反馈已收到。", 6, mean, true, "v1"))).isPositive();
  }

  @Test
  void shouldBeMonotoneInTheMeanLogProbability() {
    double previous = -1;
    for (double mean = -20; mean <= 0; mean += 0.25) {
      double c = ConfidenceMapping.confidence(mean, 1);
      assertThat(c).isBetween(0.0, 1.0).isGreaterThan(previous);
      previous = c;
    }
  }

  @Test
  void shouldInvertTheMappingOnTheOpenUnitInterval() {
    assertThat(ConfidenceMapping.meanLogProbOf(0.25)).isCloseTo(Math.log(0.25), within(1e-12));
    assertThat(ConfidenceMapping.confidence(ConfidenceMapping.meanLogProbOf(0.3), 1)).isCloseTo(0.3, within(1e-12));
    assertThatThrownBy(() -> ConfidenceMapping.meanLogProbOf(0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be in (0, 1], was 0.0");
  }
}
