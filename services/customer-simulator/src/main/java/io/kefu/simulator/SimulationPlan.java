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
 * @param answerHandoffs whether a simulated human operator answers each handoff of the run's conversations with the
 *     customer's {@link SimulatedCustomer#operatorReply()}, as an AgentReply of author HUMAN
 */
public record SimulationPlan(String runId, double ratePerSecond, long messages, long seed, double ratingProbability,
    boolean answerHandoffs) {
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

  /** A plan whose handoffs no operator answers. */
  public SimulationPlan(String runId, double ratePerSecond, long messages, long seed, double ratingProbability) {
    this(runId, ratePerSecond, messages, seed, ratingProbability, false);
  }

  /** The plan the {@code simulator.*} settings describe, under {@code runId}. */
  public static SimulationPlan fromConfig(KefuConfig config, String runId) {
    return new SimulationPlan(runId, config.getDouble(SimulatorSettings.RATE),
        config.getLong(SimulatorSettings.MESSAGES), config.getLong(SimulatorSettings.SEED),
        config.getDouble(SimulatorSettings.RATING_PROBABILITY),
        config.getBoolean(SimulatorSettings.OPERATOR_ANSWERS));
  }

  /** This plan with another run id, message count and seed (for one phase of a longer experiment). */
  public SimulationPlan withRun(String newRunId, long newMessages, long newSeed) {
    return new SimulationPlan(newRunId, ratePerSecond, newMessages, newSeed, ratingProbability, answerHandoffs);
  }
}
