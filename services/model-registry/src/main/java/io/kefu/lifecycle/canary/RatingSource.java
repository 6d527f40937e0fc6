package io.kefu.lifecycle.canary;

import java.time.Instant;

/** Where the canary controller reads how customers rated a model version. */
public interface RatingSource {

  /** The ratings of replies by {@code modelVersion} counted in aggregates that end after {@code since}. */
  ArmStats ratingsSince(String modelVersion, Instant since);
}
