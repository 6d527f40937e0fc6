package io.kefu.lifecycle.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoProportionZTestTest {

  @Test
  void shouldComputeZAndOneSidedPValuesForABetterCanary() {
    // Given a canary with 60 of 100 ratings at 4-5 stars and an active version with 45 of 100
    // By hand: p1 = 0.60, p2 = 0.45, pooled p = 0.525, se = sqrt(0.525 * 0.475 * (1/100 + 1/100)) = 0.0706222,
    // z = 0.15 / 0.0706222 = 2.12398, p(better) = 1 - Phi(2.12398) = 0.016836
    TwoProportionZTest test = TwoProportionZTest.of(new ArmStats(100, 420, 60), new ArmStats(100, 350, 45));
    assertThat(test.z()).isCloseTo(2.1239770, within(1e-6));
    assertThat(test.pBetter()).isCloseTo(0.0168360, within(1e-6));
    assertThat(test.pWorse()).isCloseTo(0.9831640, within(1e-6));
  }

  @Test
  void shouldComputeZForAWorseCanary() {
    // Given 30 of 80 against 50 of 80: pooled 0.5, se = sqrt(0.25 * 2/80) = 0.0790569, z = -0.25 / 0.0790569
    TwoProportionZTest test = TwoProportionZTest.of(new ArmStats(80, 200, 30), new ArmStats(80, 280, 50));
    assertThat(test.z()).isCloseTo(-3.1622777, within(1e-6));
    assertThat(test.pWorse()).isCloseTo(0.0007827, within(1e-6));
  }

  @Test
  void shouldFindNoDifferenceWhenEveryRatingIsSatisfied() {
    TwoProportionZTest test = TwoProportionZTest.of(new ArmStats(10, 50, 10), new ArmStats(20, 90, 20));
    assertThat(test.z()).isEqualTo(0.0);
    assertThat(test.pBetter()).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void shouldRefuseAnArmWithoutRatings() {
    assertThatThrownBy(() -> TwoProportionZTest.of(ArmStats.empty(), new ArmStats(1, 5, 1)))
        .hasMessage("both arms need ratings, had canary 0 and active 1");
  }

  @Test
  void shouldInvertTheNormalCdf() {
    assertThat(NormalDistribution.quantile(0.95)).isCloseTo(1.6448536, within(1e-6));
    assertThat(NormalDistribution.cdf(0.0)).isCloseTo(0.5, within(1e-7));
  }
}
