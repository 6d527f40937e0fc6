package io.kefu.finetune.bench;

import io.kefu.simulator.RatingTally;

/**
 * Live ratings one version received from the simulated customers during a phase.
 *
 * @param version the model version
 * @param ratings how many ratings
 * @param meanRating mean stars, null without ratings
 * @param csat share of 4-5 star ratings, null without ratings
 */
public record LiveFigures(String version, long ratings, Double meanRating, Double csat) {

  /** The figures of {@code tally}, or none for a version without ratings. */
  static LiveFigures of(String version, RatingTally.Snapshot tally) {
    if (tally == null || tally.ratings() == 0) {
      return new LiveFigures(version, 0, null, null);
    }
    return new LiveFigures(version, tally.ratings(), tally.mean(), tally.csat());
  }
}
