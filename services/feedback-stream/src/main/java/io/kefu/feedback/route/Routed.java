package io.kefu.feedback.route;

import io.kefu.contract.TrainingExample;
import io.kefu.feedback.aggregate.MetricEvent;
import io.kefu.feedback.join.HeldRating;

/**
 * What a processor of the feedback stream hands downstream; the topology sends each kind to its own place with a
 * filter, so one processor can emit examples, metrics and dead letters without knowing where they go.
 */
public sealed interface Routed {

  /** A reply as it was read (Confluent wire format), keyed by replyId on its way to the join. */
  record ReplyBytes(byte[] value) implements Routed {}

  /** A valid rating on its way to the join, keyed by replyId. */
  record RatingReceived(HeldRating rating) implements Routed {}

  /** A redacted training example, keyed by replyId. */
  record Example(TrainingExample example) implements Routed {}

  /** An event for the operator aggregates, keyed by model version. */
  record Metric(MetricEvent event) implements Routed {}

  /**
   * A refused record for {@code topic}: the original key and value bytes; the {@code kefu.dlq.*} headers travel on
   * the Streams record that carries this value.
   */
  record DeadLetterRecord(String topic, byte[] key, byte[] value) implements Routed {}
}
