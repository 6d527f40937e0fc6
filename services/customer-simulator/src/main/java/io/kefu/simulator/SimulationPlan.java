package io.kefu.simulator;

import io.kefu.kafka.config.KefuConfig;

/**
 * What one simulation does.
 *
 * @param runId prefix of the simulation's conversation and message ids, unique per run
 * @param ratePerSecond customer messages per second
 * @param messages how many messages to send; 0 sends until stopped
 * @param seed seed of every random choice
 * @param ratingProbability probability that a customer rates the reply
 */
public record SimulationPlan(String runId, double ratePerSecond, long messages, long seed, double ratingProbability) {
  public SimulationPlan {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number of messages per second, was "
          + ratePerSecond);
    }
    if (messages < 0) {
      throw new IllegalArgumentException("messages must be >= 0 (0: until stopped), was " + messages);
    }
    if (!(ratingProbability >= 0 && ratingProbability <= 1)) {
      throw new IllegalArgumentException("rating probability must be in [0, 1], was " + ratingProbability);
    }
  }

  /** The plan the {@code simulator.*} settings describe, under {@code runId}. */
  public static SimulationPlan fromConfig(KefuConfig config, String runId) {
    return new SimulationPlan(runId, config.getDouble(SimulatorSettings.RATE),
        config.getLong(SimulatorSettings.MESSAGES), config.getLong(SimulatorSettings.SEED),
        config.getDouble(SimulatorSettings.RATING_PROBABILITY));
  }
}
