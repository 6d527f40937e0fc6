package io.kefu.feedback;

import io.kefu.feedback.join.RatingWeights;
import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know besides topic names and serdes.
 *
 * @param grace how far apart a rating and its reply may arrive and still join; also how long either is held
 * @param expiryInterval stream-time interval of the punctuator that expires held ratings and remembered replies
 * @param humanWeight training weight of an unrated reply written by a human operator
 * @param ratingWeights training weight of each rating
 * @param windowSize size of the tumbling aggregate windows
 * @param windowGrace how late an event may be and still count in its window
 * @param windowRetention how long windowed aggregates are kept
 * @param internalPartitions partitions of the internal repartition topics (those feeding the join and those feeding
 *     the aggregates); the service takes the feedback topic's count, so parallelism follows it
 * @param serviceName the name written in the {@code kefu.dlq.service} header
 */
public record FeedbackTopologySettings(Duration grace, Duration expiryInterval, double humanWeight,
    RatingWeights ratingWeights, Duration windowSize, Duration windowGrace, Duration windowRetention,
    int internalPartitions, String serviceName) {

  public static final String SERVICE_NAME = "feedback-stream";

  public FeedbackTopologySettings {
    Objects.requireNonNull(ratingWeights, "ratingWeights");
    Objects.requireNonNull(serviceName, "serviceName");
    requirePositive("grace", grace);
    requirePositive("expiryInterval", expiryInterval);
    requirePositive("windowSize", windowSize);
    Objects.requireNonNull(windowGrace, "windowGrace");
    if (windowGrace.isNegative()) {
      throw new IllegalArgumentException("windowGrace must not be negative, was " + windowGrace);
    }
    if (windowRetention.compareTo(windowSize.plus(windowGrace)) < 0) {
      throw new IllegalArgumentException("windowRetention must be at least windowSize + windowGrace ("
          + windowSize.plus(windowGrace) + "), was " + windowRetention);
    }
    if (!Double.isFinite(humanWeight)) {
      throw new IllegalArgumentException("humanWeight must be finite, was " + humanWeight);
    }
    if (internalPartitions < 1) {
      throw new IllegalArgumentException("internalPartitions must be >= 1, was " + internalPartitions);
    }
  }

  /** The defaults of {@link FeedbackSettings} with one join partition, as tests on one partition use. */
  public static FeedbackTopologySettings defaults() {
    return new FeedbackTopologySettings(Duration.ofDays(7), Duration.ofMinutes(1), 1.5, RatingWeights.defaults(),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(7), 1, SERVICE_NAME);
  }

  /** Reads the feedback settings of {@code config}; {@code internalPartitions} as the service chose it. */
  public static FeedbackTopologySettings from(KefuConfig config, int internalPartitions) {
    RatingWeights weights;
    try {
      weights = RatingWeights.parse(config.get(FeedbackSettings.RATING_WEIGHTS));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + FeedbackSettings.RATING_WEIGHTS + "' (from "
          + config.origin(FeedbackSettings.RATING_WEIGHTS) + "): " + e.getMessage(), e);
    }
    try {
      return new FeedbackTopologySettings(
          config.getDuration(FeedbackSettings.GRACE),
          config.getDuration(FeedbackSettings.EXPIRY_INTERVAL),
          config.getDouble(FeedbackSettings.HUMAN_WEIGHT),
          weights,
          config.getDuration(FeedbackSettings.WINDOW_SIZE),
          config.getDuration(FeedbackSettings.WINDOW_GRACE),
          config.getDuration(FeedbackSettings.WINDOW_RETENTION),
          internalPartitions,
          SERVICE_NAME);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("feedback-stream settings are inconsistent: " + e.getMessage(), e);
    }
  }

  /** A copy with another grace. */
  public FeedbackTopologySettings withGrace(Duration newGrace) {
    return new FeedbackTopologySettings(newGrace, expiryInterval, humanWeight, ratingWeights, windowSize, windowGrace,
        windowRetention, internalPartitions, serviceName);
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
