package io.kefu.reply.pipeline;

import io.kefu.kafka.dlq.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What became of one consumed record: answered, skipped as a duplicate, or dead-lettered. */
public sealed interface MessageOutcome {

  /** The record that was consumed. */
  ConsumerRecord<byte[], byte[]> source();

  /** The message was answered (by the model or with a handoff). */
  record Answered(ConsumerRecord<byte[], byte[]> source, Answer answer) implements MessageOutcome {}

  /** The messageId was answered before; nothing is produced. */
  record Duplicate(ConsumerRecord<byte[], byte[]> source, String messageId) implements MessageOutcome {}

  /** The record goes to the dead-letter topic with its original bytes. */
  record DeadLettered(ConsumerRecord<byte[], byte[]> source, DeadLetter deadLetter) implements MessageOutcome {}
}
