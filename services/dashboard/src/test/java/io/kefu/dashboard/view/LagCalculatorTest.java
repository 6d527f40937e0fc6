package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.dashboard.view.LagCalculator.LagRow;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagCalculatorTest {
  private static final TopicPartition CM0 = new TopicPartition("customer-messages", 0);
  private static final TopicPartition CM1 = new TopicPartition("customer-messages", 1);
  private static final TopicPartition FB0 = new TopicPartition("feedback", 0);

  @Test
  void shouldComputeLagPerGroupAndPartitionSortedByGroupTopicAndPartition() {
    // Given two groups' committed offsets and the partitions' end offsets
    Map<String, Map<TopicPartition, Long>> committed = Map.of(
        "reply-service", Map.of(CM1, 10L, CM0, 95L),
        "feedback-stream", Map.of(FB0, 7L));
    Map<TopicPartition, Long> ends = Map.of(CM0, 100L, CM1, 10L, FB0, 12L);

    // Then each row is end minus committed
    assertThat(LagCalculator.compute(committed, ends)).containsExactly(
        new LagRow("feedback-stream", "feedback", 0, 7, 12L, 5L),
        new LagRow("reply-service", "customer-messages", 0, 95, 100L, 5L),
        new LagRow("reply-service", "customer-messages", 1, 10, 10L, 0L));
  }

  @Test
  void shouldLeaveLagUnknownWithoutAnEndOffsetAndNeverNegative() {
    Map<String, Map<TopicPartition, Long>> committed = Map.of("g", Map.of(CM0, 50L, CM1, 5L));

    assertThat(LagCalculator.compute(committed, Map.of(CM0, 40L))).containsExactly(
        new LagRow("g", "customer-messages", 0, 50, 40L, 0L),
        new LagRow("g", "customer-messages", 1, 5, null, null));
  }

  @Test
  void shouldHaveNoRowsWithoutCommittedOffsets() {
    assertThat(LagCalculator.compute(Map.of(), Map.of(CM0, 40L))).isEmpty();
  }
}
