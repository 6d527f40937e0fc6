package io.kefu.reply.pipeline;

import io.kefu.reply.memory.ConversationState;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything one poll produced, ready to be written in one transaction.
 *
 * @param outcomes one per consumed record, in consumption order
 * @param states the new state of every conversation that changed
 * @param nextOffsets the offsets to commit: one past the last consumed record of each partition
 * @param conversations number of conversations answered concurrently
 * @param tokens tokens generated
 * @param generationNanos wall time from the first submission to the last answer
 */
public record PollOutcome(List<MessageOutcome> outcomes, Map<ConversationKey, ConversationState> states,
    Map<TopicPartition, OffsetAndMetadata> nextOffsets, int conversations, long tokens, long generationNanos) {

  public PollOutcome {
    outcomes = List.copyOf(outcomes);
    states = Map.copyOf(states);
    nextOffsets = Map.copyOf(nextOffsets);
  }
}
