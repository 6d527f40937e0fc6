package io.kefu.feedback.aggregate;

import java.util.Objects;

/**
 * One thing that happened, counted in the aggregates of the version it is keyed by (and of {@link VersionKeys#ALL}).
 *
 * @param kind what happened
 * @param rating the new rating, for {@link Kind#RATING}
 * @param previousRating the rating it replaces, or null for a first rating, for {@link Kind#RATING}
 * @param latencyMs reply latency for {@link Kind#REPLY} written by a machine, else null
 */
public record MetricEvent(Kind kind, Integer rating, Integer previousRating, Long latencyMs) {

  /** The kinds of events. */
  public enum Kind { MESSAGE, REPLY, HANDOFF, RATING, DEAD_LETTER }

  public MetricEvent {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.RATING && (rating == null || rating < 1 || rating > 5)) {
      throw new IllegalArgumentException("a RATING event needs a rating of 1..5, was " + rating);
    }
    if (previousRating != null && (previousRating < 1 || previousRating > 5)) {
      throw new IllegalArgumentException("previousRating must be 1..5 or null, was " + previousRating);
    }
  }

  public static MetricEvent message() {
    return new MetricEvent(Kind.MESSAGE, null, null, null);
  }

  /** A reply seen for the first time; {@code latencyMs} null when its latency is not a machine's. */
  public static MetricEvent reply(Long latencyMs) {
    return new MetricEvent(Kind.REPLY, null, null, latencyMs);
  }

  public static MetricEvent handoff() {
    return new MetricEvent(Kind.HANDOFF, null, null, null);
  }

  /** A rating accepted by the join; {@code previousRating} is the one it replaces, or null. */
  public static MetricEvent rating(int rating, Integer previousRating) {
    return new MetricEvent(Kind.RATING, rating, previousRating, null);
  }

  public static MetricEvent deadLetter() {
    return new MetricEvent(Kind.DEAD_LETTER, null, null, null);
  }
}
