package io.kefu.reply.pipeline;

import io.kefu.contract.AgentReply;
import io.kefu.contract.HandoffRequest;
import io.kefu.reply.memory.SnapshotCodec;
import io.kefu.reply.memory.avro.ConversationSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns a {@link PollOutcome} into the records of its transaction: replies and handoffs keyed by conversationId,
 * dead letters with their original bytes, and one memory snapshot per changed conversation, written to the
 * conversation-turns partition with the same number as the customer-messages partition it was read from.
 */
public final class OutcomeRecords {
  private final ReplyTopics topics;
  private final Serializer<AgentReply> replySerializer;
  private final Serializer<HandoffRequest> handoffSerializer;
  private final Serializer<ConversationSnapshot> snapshotSerializer;
  private final Clock clock;

  public OutcomeRecords(ReplyTopics topics, Serializer<AgentReply> replySerializer,
      Serializer<HandoffRequest> handoffSerializer, Serializer<ConversationSnapshot> snapshotSerializer, Clock clock) {
    this.topics = topics;
    this.replySerializer = replySerializer;
    this.handoffSerializer = handoffSerializer;
    this.snapshotSerializer = snapshotSerializer;
    this.clock = clock;
  }

  /**
   * The records to produce for {@code outcome}, every reply stamped with its latency from {@code receivedAtMillis}
   * (when the poll returned it) to now.
   */
  public List<ProducerRecord<byte[], byte[]>> records(PollOutcome outcome, long receivedAtMillis) {
    long now = clock.millis();
    for (MessageOutcome o : outcome.outcomes()) {
      if (o instanceof MessageOutcome.Answered answered) {
        answered.answer().reply().setLatencyMs(Math.max(0L, now - receivedAtMillis));
      }
    }
    return records(outcome);
  }

  /** The records to produce for {@code outcome}, replies carrying the latency already set on them. */
  public List<ProducerRecord<byte[], byte[]>> records(PollOutcome outcome) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(outcome.outcomes().size() * 2 + outcome.states().size());
    long now = clock.millis();
    for (MessageOutcome o : outcome.outcomes()) {
      if (o instanceof MessageOutcome.Answered answered) {
        AgentReply reply = answered.answer().reply();
        byte[] key = utf8(reply.getConversationId());
        answered.answer().handoffRequest().ifPresent(handoff ->
            records.add(new ProducerRecord<>(topics.handoffs(), key, handoffSerializer.serialize(topics.handoffs(), handoff))));
        records.add(new ProducerRecord<>(topics.agentReplies(), key, replySerializer.serialize(topics.agentReplies(), reply)));
      } else if (o instanceof MessageOutcome.DeadLettered dead) {
        records.add(dead.deadLetter().toRecord(topics.customerMessagesDlq(), dead.source().key(),
            dead.source().value(), dead.source().headers(), now));
      }
    }
    for (Map.Entry<ConversationKey, io.kefu.reply.memory.ConversationState> e : outcome.states().entrySet()) {
      ConversationKey key = e.getKey();
      ConversationSnapshot snapshot = SnapshotCodec.toSnapshot(key.conversationId(), e.getValue(), clock.instant());
      records.add(new ProducerRecord<>(topics.conversationTurns(), key.partition(), utf8(key.conversationId()),
          snapshotSerializer.serialize(topics.conversationTurns(), snapshot)));
    }
    return records;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
