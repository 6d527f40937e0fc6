package io.kefu.feedback.join;

import java.util.Objects;

/**
 * A reply as the join remembers it during the grace: its original bytes and arrival time, and the rating last turned
 * into an example (so a redelivered rating changes nothing and a re-rating is recognised). After the grace it is
 * <em>forgotten</em>: only a marker without content is kept for another grace, so a rating that comes that late is
 * told apart from a rating of a reply that never existed.
 *
 * @param value the reply in the Confluent wire format, as read
 * @param timestamp event time of its first arrival (epoch ms)
 * @param rating the last accepted rating, or null
 * @param comment the comment of the last accepted rating, or null
 * @param ratedAt when the last accepted rating was given, or null
 * @param forgotten true for the marker left after the grace (value is then empty)
 */
public record StoredReply(byte[] value, long timestamp, Integer rating, String comment, Long ratedAt,
    boolean forgotten) {

  public StoredReply {
    Objects.requireNonNull(value, "value");
  }

  /** A reply seen for the first time. */
  public static StoredReply first(byte[] value, long timestamp) {
    return new StoredReply(value, timestamp, null, null, null, false);
  }

  /** The marker left when the grace after the reply has passed: when it was, and nothing else. */
  public StoredReply forget() {
    return new StoredReply(new byte[0], timestamp, null, null, null, true);
  }

  /** The same reply with new content (a corrected reply re-sent under the same replyId). */
  public StoredReply withValue(byte[] newValue) {
    return new StoredReply(newValue, timestamp, rating, comment, ratedAt, forgotten);
  }

  /** The same reply with {@code held} as its accepted rating. */
  public StoredReply withRating(HeldRating held) {
    return new StoredReply(value, timestamp, held.rating(), held.comment(), held.ratedAt(), forgotten);
  }

  /** Whether {@code held} says exactly what the last accepted rating said. */
  public boolean hasSameRating(HeldRating held) {
    return rating != null && rating == held.rating() && Objects.equals(comment, held.comment());
  }
}
