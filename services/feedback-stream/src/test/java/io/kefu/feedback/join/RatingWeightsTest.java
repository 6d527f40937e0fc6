package io.kefu.feedback.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rating weights: the documented default table and the setting's format. */
class RatingWeightsTest {

  @Test
  void shouldWeighRatingsByTheDocumentedDefaultTable() {
    RatingWeights weights = RatingWeights.defaults();
    assertThat(weights.weightOf(1)).isEqualTo(-1.0);
    assertThat(weights.weightOf(2)).isEqualTo(-0.5);
    assertThat(weights.weightOf(3)).isEqualTo(0.0);
    assertThat(weights.weightOf(4)).isEqualTo(0.6);
    assertThat(weights.weightOf(5)).isEqualTo(1.0);
    assertThat(RatingWeights.parse("-1.0, -0.5, 0, 0.6, 1")).isEqualTo(weights);
  }

  @Test
  void shouldRefuseRatingsOutsideOneToFive() {
    assertThatThrownBy(() -> RatingWeights.defaults().weightOf(6)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rating must be 1..5, was 6");
  }

  @Test
  void shouldExplainAMalformedSetting() {
    assertThatThrownBy(() -> RatingWeights.parse("1,2,3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rating weights must be 5 comma-separated numbers (ratings 1..5), was '1,2,3'");
    assertThatThrownBy(() -> RatingWeights.parse("1,2,x,4,5")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight of rating 3 must be a number, was 'x' in '1,2,x,4,5'");
  }
}
