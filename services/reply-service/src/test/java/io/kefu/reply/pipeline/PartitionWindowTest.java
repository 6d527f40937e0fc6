package io.kefu.reply.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.dlq.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionWindowTest {
  private static final TopicPartition TP = new TopicPartition("customer-messages", 3);

  private static InFlightMessage message(PartitionWindow window, long offset) {
    InFlightMessage m = new InFlightMessage(new ConsumerRecord<>(TP.topic(), TP.partition(), offset, new byte[0],
        new byte[0]), window, 0L, null, null);
    window.add(m);
    return m;
  }

  private static void finish(InFlightMessage m) {
    m.finish(new MessageOutcome.DeadLettered(m.record(), DeadLetter.of("TEST", null, TP.topic(), TP.partition(),
        m.offset(), "test")), null);
  }

  @Test
  void shouldReleaseOnlyTheFinishedPrefixSoALaterFinishedMessageWaitsForAnEarlierUnfinishedOne() {
    // Given messages at offsets 10, 11 and 12, of which 11 and 12 are finished
    PartitionWindow window = new PartitionWindow(TP, 10);
    InFlightMessage ten = message(window, 10);
    finish(message(window, 11));
    finish(message(window, 12));

    // When the prefix is released, then nothing leaves: 10 is unfinished
    assertThat(window.releaseFinishedPrefix()).isEmpty();
    assertThat(window.size()).isEqualTo(3);

    // When 10 finishes, then all three leave in offset order
    finish(ten);
    assertThat(window.releaseFinishedPrefix()).extracting(InFlightMessage::offset).containsExactly(10L, 11L, 12L);
    assertThat(window.size()).isZero();
  }

  @Test
  void shouldKeepTheHighestCommittedPositionAndRefuseOffsetsOutOfOrder() {
    // Given a window committed up to 5
    PartitionWindow window = new PartitionWindow(TP, 5);

    // When commits report 8, then 7
    window.committedUpTo(8);
    window.committedUpTo(7);

    // Then the position is 8, and an offset that does not follow the last admitted one is refused
    assertThat(window.committedPosition()).isEqualTo(8);
    message(window, 9);
    assertThatThrownBy(() -> message(window, 9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset 9 of customer-messages-3 must follow the last admitted offset 9");
  }
}
