package io.kefu.poison.cases;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import org.apache.avro.generic.GenericRecord;

/** What the run gives a {@link PoisonBuilder}: the case's ids, real replies to rate, and the registry's encoders. */
public interface CaseContext {

  /** The physical topic the record goes to. */
  String topic();

  /** The case's own conversation id, {@code poison-<case name>}. */
  String conversationId();

  /** The case's own message id, {@code poison-<case name>-m}. */
  String messageId();

  /** The run's clock, epoch milliseconds. */
  long nowMillis();

  /** A valid English customer message with the case's conversation and message ids and {@code text}. */
  CustomerMessage message(String text);

  /** The good customer message written just before this case's record. */
  CustomerMessage goodMessageBefore();

  /** A valid rating with {@code stars} of the real model reply reserved for this case. */
  Feedback rating(int stars);

  /** The id of a real model reply reserved for this case (reserved on the first call). */
  String ratedReplyId();

  /** The good rating written just before this case's record. */
  Feedback goodRatingBefore();

  /**
   * A replyId no reply has, chosen so that the join processes it in the same task as the good rating written after
   * this case; that rating advances the task's stream time, so an expired hold is dead-lettered before the run ends.
   */
  String unknownReplyIdJoinedWithGoodAfter();

  /** {@code message} in the Confluent wire format, registered under the customer-messages value subject. */
  byte[] avro(CustomerMessage message);

  /** {@code feedback} in the Confluent wire format, registered under the feedback value subject. */
  byte[] avro(Feedback feedback);

  /**
   * {@code record} in the Confluent wire format with its own schema, registered under a side subject of this case
   * (so a schema the topic's subject would refuse still gets a real id).
   */
  byte[] avroWithOwnSchema(GenericRecord record);
}
