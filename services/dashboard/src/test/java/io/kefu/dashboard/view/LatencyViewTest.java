package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.dashboard.view.LatencyView.LatencySeries;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyViewTest {
  private static final long NOW = 1_700_000_005_000L; // bucket [1_700_000_000_000, +10 s)

  @Test
  void shouldGiveNearestRankPercentilesPerTenSecondBucket() {
    // Given latencies 1..100 ms in the current bucket and 500 ms once in the bucket before
    LatencyView view = new LatencyView(Duration.ofMinutes(1));
    for (int ms = 100; ms >= 1; ms--) {
      view.record(NOW - 1_000, ms, NOW);
    }
    view.record(NOW - 10_000, 500, NOW);

    // When the series is taken
    LatencySeries series = view.snapshot(NOW);

    // Then the current bucket has p50 50, p95 95, p99 99 over 100 replies, and the one before 500 for each
    int last = series.seconds().length - 1;
    assertThat(series.seconds()).hasSize(6);
    assertThat(series.seconds()[last]).isEqualTo(1_700_000_000L);
    assertThat(series.p50()[last]).isEqualTo(50L);
    assertThat(series.p95()[last]).isEqualTo(95L);
    assertThat(series.p99()[last]).isEqualTo(99L);
    assertThat(series.counts()[last]).isEqualTo(100);
    assertThat(series.p50()[last - 1]).isEqualTo(500L);
    assertThat(series.p99()[last - 1]).isEqualTo(500L);
    // And buckets without replies are gaps, not zeros
    assertThat(series.p50()[0]).isNull();
    assertThat(series.counts()[0]).isZero();
  }

  @Test
  void shouldDropNegativeLatenciesAsClockErrors() {
    LatencyView view = new LatencyView(Duration.ofMinutes(1));
    view.record(NOW, -3, NOW);

    assertThat(view.snapshot(NOW).p50()).containsOnlyNulls();
  }

  @Test
  void shouldKeepABoundedSampleYetCountEveryReply() {
    // Given more replies in one bucket than the sample keeps, all but one fast
    LatencyView view = new LatencyView(Duration.ofMinutes(1));
    int replies = LatencySample.CAPACITY * 3;
    for (int i = 0; i < replies; i++) {
      view.record(NOW, 10, NOW);
    }

    // Then every reply is counted, and the percentiles come from the sample
    LatencySeries series = view.snapshot(NOW);
    int last = series.seconds().length - 1;
    assertThat(series.counts()[last]).isEqualTo(replies);
    assertThat(series.p99()[last]).isEqualTo(10L);
  }

  @Test
  void shouldRefuseMeaninglessPercentileQuestions() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0, 50))
        .hasMessage("count must be 1..1, was 0");
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 1, 0))
        .hasMessage("percentile must be in (0, 100], was 0.0");
    assertThat(Percentiles.nearestRank(new long[] {7, 9}, 2, 100)).isEqualTo(9);
    assertThat(Percentiles.nearestRank(new long[] {7, 9}, 2, 1)).isEqualTo(7);
  }
}
