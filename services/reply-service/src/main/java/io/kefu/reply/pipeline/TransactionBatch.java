package io.kefu.reply.pipeline;

import io.kefu.reply.memory.ConversationState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The content of one transaction of the {@link PipelinedReplyLoop}, built from released messages. */
final class TransactionBatch {

  private TransactionBatch() {}

  /**
   * The outcome to commit for {@code released} (in release order, so each partition's in offset order, messages
   * released ahead of an unfinished one last): replies stamped with their latency from receipt to {@code nowMillis},
   * each changed conversation's last state, and {@code positions} as the offsets to commit: per partition, the end
   * of its released prefix ({@link PartitionWindow#releasedPosition()}), which may lie before some released
   * messages and may advance a partition none of them is on.
   *
   * @param generationNanos wall time the batch's replies were generated in (for tokens per second)
   */
  static PollOutcome of(List<InFlightMessage> released, Map<TopicPartition, Long> positions, long nowMillis,
      long generationNanos) {
    List<MessageOutcome> outcomes = new ArrayList<>(released.size());
    Map<ConversationKey, ConversationState> states = new LinkedHashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
    Set<ConversationKey> conversations = new HashSet<>();
    long tokens = 0;
    for (InFlightMessage m : released) {
      MessageOutcome outcome = m.outcome();
      if (outcome == null) {
        throw new IllegalStateException(RecordAdmission.where(m.record()) + " was released unfinished");
      }
      outcomes.add(outcome);
      if (outcome instanceof MessageOutcome.Answered answered) {
        answered.answer().reply().setLatencyMs(Math.max(0L, nowMillis - m.receivedAtMillis()));
        tokens += answered.answer().tokens();
        conversations.add(m.key());
      }
      if (m.stateAfter() != null) {
        states.put(m.key(), m.stateAfter());
      }
    }
    positions.forEach((partition, position) -> offsets.put(partition, new OffsetAndMetadata(position)));
    return new PollOutcome(outcomes, states, offsets, conversations.size(), tokens, generationNanos);
  }
}
