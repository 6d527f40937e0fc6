package io.kefu.loadbench;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the model started and finished each reply, keyed by conversation and customer text, written by
 * {@link TimedReplyGenerator} and taken once by whoever sees the reply.
 *
 * <p>A retried poll generates again under the same key; the later timing replaces the earlier, because the reply that
 * becomes visible is the one of the committed attempt. The load never has two messages with the same text in flight
 * in one conversation ({@link MessageFeed}), so keys do not collide.
 */
public final class GenerationTimes {

  /**
   * One generation.
   *
   * @param startNanos when the reply service asked the model ({@link System#nanoTime()})
   * @param endNanos when the model's reply was complete
   */
  public record Timing(long startNanos, long endNanos) {
    /** The model time. */
    public long nanos() {
      return endNanos - startNanos;
    }
  }

  private final ConcurrentHashMap<String, Timing> timings = new ConcurrentHashMap<>();

  /** Records the generation of the reply to {@code text} in {@code conversationId}. */
  public void put(String conversationId, String text, Timing timing) {
    timings.put(key(conversationId, text), timing);
  }

  /** Takes (and forgets) the timing of the reply to {@code text} in {@code conversationId}, if the model wrote one. */
  public Optional<Timing> take(String conversationId, String text) {
    return Optional.ofNullable(timings.remove(key(conversationId, text)));
  }

  /** Timings recorded and not yet taken. */
  public int size() {
    return timings.size();
  }

  private static String key(String conversationId, String text) {
    return conversationId + '\u0000' + text;
  }
}
