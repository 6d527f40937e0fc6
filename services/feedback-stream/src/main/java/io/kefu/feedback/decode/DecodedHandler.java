package io.kefu.feedback.decode;

/**
 * What a {@link DecodingProcessor} does with a record that decoded: check it and forward it, or refuse it.
 *
 * @param <V> the decoded value type
 */
@FunctionalInterface
public interface DecodedHandler<V> {

  /** Handles one decoded record; {@code key} is the UTF-8 record key, or null. */
  void handle(String key, V value, DecodedInput input);
}
