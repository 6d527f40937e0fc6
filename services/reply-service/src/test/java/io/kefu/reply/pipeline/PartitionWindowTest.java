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
    assertThat(window.releaseFinished(0)).isEmpty();
    assertThat(window.size()).isEqualTo(3);

    // When 10 finishes, then all three leave in offset order
    finish(ten);
    assertThat(window.releaseFinished(0)).extracting(InFlightMessage::offset).containsExactly(10L, 11L, 12L);
    assertThat(window.size()).isZero();
  }

  private static void answer(InFlightMessage m) {
    m.finish(new MessageOutcome.Answered(m.record(), new Answer(null, null, 0)), null);
  }

  @Test
  void shouldReleaseAnsweredMessagesAheadOfAnUnfinishedOneButKeepTheCommittableOffsetBeforeIt() {
    // Given offsets 20..24: 20 of conversation w unfinished, then answers of conversations u (21, 23, 24) and a
    // dead letter (22)
    PartitionWindow window = new PartitionWindow(TP, 20);
    InFlightMessage twenty = keyed(window, 20, "w");
    answer(keyed(window, 21, "u"));
    finish(message(window, 22));
    answer(keyed(window, 23, "u"));
    answer(keyed(window, 24, "u"));

    // When finished messages are released with 2 messages of a conversation allowed ahead
    // Then u's answers at 21 and 23 leave; the dead letter waits for offset order, u's third answer is beyond the
    // bound, and the offset to commit stays before 20
    assertThat(window.releaseFinished(2)).extracting(InFlightMessage::offset).containsExactly(21L, 23L);
    assertThat(window.releasedPosition()).isEqualTo(20);
    assertThat(window.hasUncommittedPosition()).isFalse();
    assertThat(window.releaseFinished(2)).isEmpty();

    // When 20 finishes, then 20, 22 and 24 leave (21 and 23 not again) and the whole window is committable
    answer(twenty);
    assertThat(window.releaseFinished(2)).extracting(InFlightMessage::offset).containsExactly(20L, 22L, 24L);
    assertThat(window.releasedPosition()).isEqualTo(25);
    assertThat(window.hasUncommittedPosition()).isTrue();
    assertThat(window.size()).isZero();

    // And once committed there is nothing left to commit
    window.committedUpTo(25);
    assertThat(window.hasUncommittedPosition()).isFalse();
  }

  @Test
  void shouldNotReleaseAMessageAheadOfAnEarlierUnreleasedMessageOfItsOwnConversation() {
    // Given 40 of conversation x unfinished, then 41 of x answered, 42 of y answered, 43 of z dead-lettered and
    // 44 of z answered
    PartitionWindow window = new PartitionWindow(TP, 40);
    InFlightMessage forty = keyed(window, 40, "x");
    answer(keyed(window, 41, "x"));
    answer(keyed(window, 42, "y"));
    finish(keyed(window, 43, "z"));
    answer(keyed(window, 44, "z"));

    // When finished messages are released, then only y's answer goes ahead: x's and z's wait behind their own
    // conversation's earlier message
    assertThat(window.releaseFinished(8)).extracting(InFlightMessage::offset).containsExactly(42L);

    // When 40 finishes, then the rest leave in offset order
    answer(forty);
    assertThat(window.releaseFinished(8)).extracting(InFlightMessage::offset).containsExactly(40L, 41L, 43L, 44L);
  }

  private static InFlightMessage keyed(PartitionWindow window, long offset, String conversation) {
    InFlightMessage m = new InFlightMessage(new ConsumerRecord<>(TP.topic(), TP.partition(), offset, new byte[0],
        new byte[0]), window, 0L, new ConversationKey(TP.partition(), conversation), null);
    window.add(m);
    return m;
  }

  @Test
  void shouldAdvanceTheCommittableOffsetThroughMessagesReleasedAheadEarlier() {
    // Given 30 unfinished and 31 answered and released ahead (committed in an earlier transaction)
    PartitionWindow window = new PartitionWindow(TP, 30);
    InFlightMessage thirty = message(window, 30);
    answer(message(window, 31));
    assertThat(window.releaseFinished(8)).extracting(InFlightMessage::offset).containsExactly(31L);

    // When 30 finishes
    answer(thirty);

    // Then only 30 leaves, and the offset to commit passes 31 too
    assertThat(window.releaseFinished(8)).extracting(InFlightMessage::offset).containsExactly(30L);
    assertThat(window.releasedPosition()).isEqualTo(32);
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
