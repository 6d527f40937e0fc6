package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.dashboard.view.ThroughputView.Kind;
import io.kefu.dashboard.view.ThroughputView.ThroughputSeries;
import org.junit.jupiter.api.Test;

class ThroughputViewTest {
  private static final long NOW = 1_700_000_000_500L; // half-way through second 1_700_000_000

  @Test
  void shouldCountRecordsPerSecondAndLeaveOutTheSecondInProgress() {
    // Given two messages two seconds ago, a reply and a handoff in the last complete second, a message in the current
    ThroughputView view = new ThroughputView();
    view.record(Kind.MESSAGE, NOW - 2_500, NOW);
    view.record(Kind.MESSAGE, NOW - 2_100, NOW);
    view.record(Kind.REPLY, NOW - 1_400, NOW);
    view.record(Kind.HANDOFF, NOW - 600, NOW);
    view.record(Kind.MESSAGE, NOW - 100, NOW);

    // When the series is taken
    ThroughputSeries series = view.snapshot(NOW);

    // Then it has one point per complete second, the last one being the second before now's
    assertThat(series.seconds()).hasSize(ThroughputView.SECONDS);
    int last = ThroughputView.SECONDS - 1;
    assertThat(series.seconds()[last]).isEqualTo(1_699_999_999L);
    assertThat(new long[] {series.messages()[last - 2], series.messages()[last - 1], series.messages()[last]})
        .containsExactly(0, 2, 0);
    assertThat(series.replies()[last]).isEqualTo(1);
    assertThat(series.handoffs()[last]).isEqualTo(1);
    assertThat(series.messagesPerSecond()).isEqualTo(0.2);
    assertThat(series.repliesPerSecond()).isEqualTo(0.1);
  }

  @Test
  void shouldIgnoreRecordsOlderThanTheWindowOrAheadOfTheClock() {
    ThroughputView view = new ThroughputView();
    view.record(Kind.MESSAGE, NOW - (ThroughputView.SECONDS + 5) * 1000L, NOW);
    view.record(Kind.MESSAGE, NOW + 5_000, NOW);

    ThroughputSeries series = view.snapshot(NOW);

    assertThat(series.messages()).containsOnly(0);
  }

  @Test
  void shouldReuseBucketsAsTimePassesSoOldCountsDisappear() {
    // Given a message counted a while ago
    ThroughputView view = new ThroughputView();
    view.record(Kind.MESSAGE, NOW - 1_000, NOW);
    assertThat(view.snapshot(NOW).messages()).containsOnlyOnce(1);

    // When the window has moved past it and a new record lands in the same ring slot
    long later = NOW + (ThroughputView.SECONDS + 1) * 1000L;
    view.record(Kind.REPLY, later - 1_000, later);

    // Then only the new record is counted
    ThroughputSeries series = view.snapshot(later);
    assertThat(series.messages()).containsOnly(0);
    assertThat(series.replies()).containsOnlyOnce(1);
  }
}
