package io.kefu.reply.pipeline;

import io.kefu.reply.memory.ConversationState;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything one transaction writes.
 *
 * @param outcomes one per released record: each partition's in offset order, those released ahead of an unfinished
 *     message last
 * @param states the new state of every conversation that changed
 * @param nextOffsets the offsets to commit: per partition, the end of its released prefix (see
 *     {@link PartitionWindow}), for every partition with an outcome in the transaction and any whose prefix moved
 * @param conversations number of conversations answered
 * @param tokens tokens generated
 * @param generationNanos wall time the replies were generated in (since the previous transaction)
 */
public record PollOutcome(List<MessageOutcome> outcomes, Map<ConversationKey, ConversationState> states,
    Map<TopicPartition, OffsetAndMetadata> nextOffsets, int conversations, long tokens, long generationNanos) {

  public PollOutcome {
    outcomes = List.copyOf(outcomes);
    states = Map.copyOf(states);
    nextOffsets = Map.copyOf(nextOffsets);
  }
}
