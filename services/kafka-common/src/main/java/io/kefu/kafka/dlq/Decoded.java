package io.kefu.kafka.dlq;

/**
 * The outcome of decoding one raw record: either the value, or the dead letter that says why it cannot be used.
 *
 * @param <V> value type
 */
public sealed interface Decoded<V> {

  /** A record that decoded. */
  record Ok<V>(String key, V value) implements Decoded<V> {}

  /** A record that must go to the dead-letter topic. */
  record Refused<V>(DeadLetter deadLetter) implements Decoded<V> {}
}
