package io.kefu.feedback.aggregate;

import io.kefu.contract.OpsMetrics;
import java.time.Instant;
import java.util.Objects;

/**
 * The operator figures of one version over one window (or since the start): counts, rating sum, ratings of 4-5, and
 * the reply-latency histogram; immutable.
 *
 * <p>Two ways to add a rating: {@link #plusWindowed} counts every accepted rating event in the window it happened in;
 * {@link #plusRunning} keeps one rating per reply, so a re-rating replaces the earlier rating in the running totals.
 *
 * @param messages customer messages
 * @param replies replies, each counted once
 * @param handoffs handoffs opened
 * @param ratings ratings counted
 * @param ratingSum sum of the ratings counted
 * @param satisfied ratings of 4 or 5 among them
 * @param deadLetters records written to any dead-letter topic
 * @param latency latencies of machine-written replies
 */
public record OpsAggregate(long messages, long replies, long handoffs, long ratings, long ratingSum, long satisfied,
    long deadLetters, LatencyHistogram latency) {

  public OpsAggregate {
    Objects.requireNonNull(latency, "latency");
  }

  public static OpsAggregate empty() {
    return new OpsAggregate(0, 0, 0, 0, 0, 0, 0, LatencyHistogram.empty());
  }

  /** Adds an event to a window: a rating counts as one more rating, re-rating or not. */
  public OpsAggregate plusWindowed(MetricEvent event) {
    if (event.kind() == MetricEvent.Kind.RATING) {
      return withRatings(ratings + 1, ratingSum + event.rating(), satisfied + satisfaction(event.rating()));
    }
    return plusCount(event);
  }

  /** Adds an event to the running totals: a re-rating replaces the rating it follows. */
  public OpsAggregate plusRunning(MetricEvent event) {
    if (event.kind() == MetricEvent.Kind.RATING) {
      Integer previous = event.previousRating();
      if (previous == null) {
        return withRatings(ratings + 1, ratingSum + event.rating(), satisfied + satisfaction(event.rating()));
      }
      return withRatings(ratings, ratingSum - previous + event.rating(),
          satisfied - satisfaction(previous) + satisfaction(event.rating()));
    }
    return plusCount(event);
  }

  /** Mean rating, or null without ratings. */
  public Double averageRating() {
    return ratings == 0 ? null : (double) ratingSum / ratings;
  }

  /** Share of ratings that are 4 or 5, or null without ratings. */
  public Double csat() {
    return ratings == 0 ? null : (double) satisfied / ratings;
  }

  /** The contract record for ops-metrics. */
  public OpsMetrics toOpsMetrics(String modelVersion, long windowStart, long windowEnd) {
    return OpsMetrics.newBuilder()
        .setModelVersion(modelVersion)
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
        .setMessages(messages)
        .setReplies(replies)
        .setHandoffs(handoffs)
        .setRatings(ratings)
        .setRatingSum(ratingSum)
        .setAverageRating(averageRating())
        .setCsat(csat())
        .setLatencyP50Ms(latency.percentile(0.50))
        .setLatencyP95Ms(latency.percentile(0.95))
        .setLatencyP99Ms(latency.percentile(0.99))
        .setDlqRecords(deadLetters)
        .build();
  }

  private OpsAggregate plusCount(MetricEvent event) {
    return switch (event.kind()) {
      case MESSAGE -> new OpsAggregate(messages + 1, replies, handoffs, ratings, ratingSum, satisfied, deadLetters,
          latency);
      case REPLY -> new OpsAggregate(messages, replies + 1, handoffs, ratings, ratingSum, satisfied, deadLetters,
          event.latencyMs() == null ? latency : latency.plus(event.latencyMs()));
      case HANDOFF -> new OpsAggregate(messages, replies, handoffs + 1, ratings, ratingSum, satisfied, deadLetters,
          latency);
      case DEAD_LETTER -> new OpsAggregate(messages, replies, handoffs, ratings, ratingSum, satisfied,
          deadLetters + 1, latency);
      case RATING -> throw new IllegalArgumentException("ratings are added by plusWindowed or plusRunning");
    };
  }

  private OpsAggregate withRatings(long newRatings, long newSum, long newSatisfied) {
    return new OpsAggregate(messages, replies, handoffs, newRatings, newSum, newSatisfied, deadLetters, latency);
  }

  private static int satisfaction(int rating) {
    return rating >= 4 ? 1 : 0;
  }
}
