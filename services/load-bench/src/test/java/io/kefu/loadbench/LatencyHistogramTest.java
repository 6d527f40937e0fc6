package io.kefu.loadbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void shouldReadNearestRankPercentilesWithinOnePercent() {
    // Given durations of 1..100 ms
    LatencyHistogram histogram = new LatencyHistogram();
    for (int ms = 1; ms <= 100; ms++) {
      histogram.record(ms * 1_000_000L);
    }

    // When percentiles are read, then they are the nearest-rank values within 1%
    assertThat(histogram.count()).isEqualTo(100);
    assertThat(histogram.percentileMillis(50)).isCloseTo(50.0, within(0.5));
    assertThat(histogram.percentileMillis(99)).isCloseTo(99.0, within(0.99));
    assertThat(histogram.percentileMillis(100)).isCloseTo(100.0, within(1.0));
    assertThat(histogram.percentileMillis(50)).isGreaterThanOrEqualTo(50.0);
  }

  @Test
  void shouldReportNaNWhenEmptyAndRefuseAPercentOutOfRange() {
    LatencyHistogram histogram = new LatencyHistogram();

    assertThat(histogram.percentileMillis(99)).isNaN();
    assertThatThrownBy(() -> histogram.percentileMillis(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("percent must be in (0, 100], was 0.0");
  }
}
