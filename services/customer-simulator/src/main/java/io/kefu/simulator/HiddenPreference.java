package io.kefu.simulator;

import io.kefu.kafka.config.KefuConfig;
import java.util.random.RandomGenerator;

/**
 * How the simulated population rates a reply: {@code complete} stars when it answers the right intent, names the
 * customer's order number (when the customer gave one) and a concrete next step; {@code partial} when it has one of
 * the two; {@code vague} when it has neither; {@code wrong} when it answers another intent. Then noise: with
 * probability {@code noise} the rating moves one star up or down (equally likely), kept within 1..5.
 *
 * @param complete stars for a complete reply
 * @param partial stars for a reply with the order number or a next step, not both
 * @param vague stars for a reply on the right intent with neither
 * @param wrong stars for a reply on another intent
 * @param noise probability that a rating moves by one star
 */
public record HiddenPreference(int complete, int partial, int vague, int wrong, double noise) {

  public HiddenPreference {
    for (int stars : new int[] {complete, partial, vague, wrong}) {
      if (stars < 1 || stars > 5) {
        throw new IllegalArgumentException("preference stars must be 1..5, were complete " + complete + ", partial "
            + partial + ", vague " + vague + ", wrong " + wrong);
      }
    }
    if (!(noise >= 0.0 && noise <= 1.0)) {
      throw new IllegalArgumentException("noise must be a probability in [0, 1], was " + noise);
    }
  }

  /** The preference the {@code simulator.preference.*} and {@code simulator.noise} settings describe. */
  public static HiddenPreference fromConfig(KefuConfig config) {
    return new HiddenPreference(config.getInt(SimulatorSettings.STARS_COMPLETE),
        config.getInt(SimulatorSettings.STARS_PARTIAL), config.getInt(SimulatorSettings.STARS_VAGUE),
        config.getInt(SimulatorSettings.STARS_WRONG), config.getDouble(SimulatorSettings.NOISE));
  }

  /** The rating before noise. */
  public int stars(SimulatedCustomer customer, ReplyAssessment assessment) {
    if (!assessment.rightIntent()) {
      return wrong;
    }
    boolean order = customer.orderNumber() == null || assessment.namesOrderNumber();
    boolean step = assessment.concreteNextStep();
    if (order && step) {
      return complete;
    }
    return order || step ? partial : vague;
  }

  /** The rating with noise drawn from {@code random}. */
  public int rate(SimulatedCustomer customer, ReplyAssessment assessment, RandomGenerator random) {
    int stars = stars(customer, assessment);
    if (noise > 0 && random.nextDouble() < noise) {
      stars += random.nextBoolean() ? 1 : -1;
    }
    return Math.max(1, Math.min(5, stars));
  }
}
