package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.dashboard.view.DlqView.DeadLetterView;
import io.kefu.dashboard.view.DlqView.DlqTopicSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqViewTest {
  @Test
  void shouldCountEachDeadLetterTopicAndKeepItsLatestReasonsNewestFirst() {
    // Given two declared dead-letter topics, one of which receives more letters than are kept
    DlqView view = new DlqView(List.of("customer-messages.dlq", "feedback.dlq"));
    for (int i = 0; i < DlqView.LATEST + 2; i++) {
      view.onDeadLetter("customer-messages.dlq",
          new DeadLetterView("REASON_" + i, "d".repeat(400), "customer-messages", 0, i, "reply-service", i));
    }

    // Then both are listed, counts are exact, and details are clipped
    List<DlqTopicSnapshot> snapshot = view.snapshot();
    assertThat(snapshot).extracting(DlqTopicSnapshot::topic, DlqTopicSnapshot::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("customer-messages.dlq", (long) DlqView.LATEST + 2),
        org.assertj.core.groups.Tuple.tuple("feedback.dlq", 0L));
    List<DeadLetterView> latest = snapshot.get(0).latest();
    assertThat(latest).hasSize(DlqView.LATEST);
    assertThat(latest.get(0).reason()).isEqualTo("REASON_" + (DlqView.LATEST + 1));
    assertThat(latest.get(0).detail()).hasSize(301).endsWith("…");
  }
}
