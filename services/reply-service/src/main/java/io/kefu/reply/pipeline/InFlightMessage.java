package io.kefu.reply.pipeline;

import io.kefu.contract.CustomerMessage;
import io.kefu.reply.memory.ConversationState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumed record on its way through the {@link PipelinedReplyLoop}: admitted, then generating, then finished
 * with its outcome, then released to a transaction. Touched only by the loop thread.
 */
final class InFlightMessage {
  private final ConsumerRecord<byte[], byte[]> record;
  private final PartitionWindow window;
  private final long receivedAtMillis;
  private final ConversationKey key;
  private final CustomerMessage message;
  private boolean started;
  private long generationStartedNanos;
  private MessageOutcome outcome;
  private ConversationState stateAfter;
  private boolean released;

  /**
   * @param record the consumed record
   * @param window the window of its partition at admission; a rewind or revocation replaces it
   * @param receivedAtMillis when the poll returned it
   * @param key its conversation, or null when the record was refused
   * @param message the admitted message, or null when the record was refused
   */
  InFlightMessage(ConsumerRecord<byte[], byte[]> record, PartitionWindow window, long receivedAtMillis,
      ConversationKey key, CustomerMessage message) {
    this.record = record;
    this.window = window;
    this.receivedAtMillis = receivedAtMillis;
    this.key = key;
    this.message = message;
  }

  ConsumerRecord<byte[], byte[]> record() {
    return record;
  }

  TopicPartition partition() {
    return window.partition();
  }

  long offset() {
    return record.offset();
  }

  PartitionWindow window() {
    return window;
  }

  long receivedAtMillis() {
    return receivedAtMillis;
  }

  /** The conversation, or null for a refused record. */
  ConversationKey key() {
    return key;
  }

  CustomerMessage message() {
    return message;
  }

  /** Marks the moment the message was handed to the responder. */
  void generationStarted(long nanos) {
    started = true;
    generationStartedNanos = nanos;
  }

  /** True while the message waits for its generation, which started at {@link #generationStartedNanos()}. */
  boolean isGenerating() {
    return started && outcome == null;
  }

  long generationStartedNanos() {
    return generationStartedNanos;
  }

  /** Records what became of the message and, when its conversation changed, the conversation's new state. */
  void finish(MessageOutcome outcome, ConversationState stateAfter) {
    if (this.outcome != null) {
      throw new IllegalStateException(RecordAdmission.where(record) + " was already finished as "
          + this.outcome.getClass().getSimpleName());
    }
    this.outcome = outcome;
    this.stateAfter = stateAfter;
  }

  boolean isFinished() {
    return outcome != null;
  }

  /** Marks the message as handed to a transaction, so that it is released once only. */
  void released() {
    released = true;
  }

  /** True once the message was handed to a transaction. */
  boolean isReleased() {
    return released;
  }

  /** The outcome, or null while unfinished. */
  MessageOutcome outcome() {
    return outcome;
  }

  /** The conversation's state after this message, or null when the message did not change it. */
  ConversationState stateAfter() {
    return stateAfter;
  }
}
