package io.kefu.feedback.http;

import io.kefu.feedback.aggregate.OpsAggregate;

/**
 * The JSON form of one aggregate: a version's figures over one window, or since the start when the window bounds
 * are null.
 */
public record AggregateView(String modelVersion, Long windowStart, Long windowEnd, long messages, long replies,
    long handoffs, long ratings, long ratingSum, Double averageRating, Double csat, Double latencyP50Ms,
    Double latencyP95Ms, Double latencyP99Ms, long dlqRecords) {

  /** The view of {@code aggregate}; {@code windowStart}/{@code windowEnd} null for running totals. */
  public static AggregateView of(String version, Long windowStart, Long windowEnd, OpsAggregate aggregate) {
    return new AggregateView(version, windowStart, windowEnd, aggregate.messages(), aggregate.replies(),
        aggregate.handoffs(), aggregate.ratings(), aggregate.ratingSum(), aggregate.averageRating(), aggregate.csat(),
        aggregate.latency().percentile(0.50), aggregate.latency().percentile(0.95),
        aggregate.latency().percentile(0.99), aggregate.deadLetters());
  }
}
