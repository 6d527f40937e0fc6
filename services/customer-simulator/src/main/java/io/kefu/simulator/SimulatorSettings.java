package io.kefu.simulator;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** Settings of the customer simulator, including its hidden preference. */
public final class SimulatorSettings implements SettingsProvider {
  public static final String RATE = "simulator.rate";
  public static final String MESSAGES = "simulator.messages";
  public static final String SEED = "simulator.seed";
  public static final String RATING_PROBABILITY = "simulator.rating.probability";
  public static final String NOISE = "simulator.noise";
  public static final String STARS_COMPLETE = "simulator.preference.complete";
  public static final String STARS_PARTIAL = "simulator.preference.partial";
  public static final String STARS_VAGUE = "simulator.preference.vague";
  public static final String STARS_WRONG = "simulator.preference.wrong";
  public static final String OPERATOR_ANSWERS = "simulator.operator.answers";
  public static final String RUN_ID = "simulator.run.id";
  public static final String PROGRESS_INTERVAL = "simulator.progress.interval";

  @Override
  public String group() {
    return "customer simulator";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(RATE, "10", "Customer messages the simulator sends per second."),
        new Setting(MESSAGES, "1000", "How many customer messages one simulation sends; 0 means until stopped."),
        new Setting(SEED, "42", "Seed of the simulator's choices of customers, ratings and noise."),
        new Setting(RATING_PROBABILITY, "1.0", "Probability that a simulated customer rates the reply it gets."),
        new Setting(NOISE, "0.15", "Probability that a simulated rating moves one star up or down."),
        new Setting(STARS_COMPLETE, "5",
            "Hidden preference: stars for a reply on the right intent naming the order number and a next step."),
        new Setting(STARS_PARTIAL, "3",
            "Hidden preference: stars for a reply on the right intent with the order number or a next step, not both."),
        new Setting(STARS_VAGUE, "2", "Hidden preference: stars for a vague reply on the right intent."),
        new Setting(STARS_WRONG, "1", "Hidden preference: stars for a reply on another intent."),
        new Setting(OPERATOR_ANSWERS, "false",
            "A simulated human operator answers every handoff of the simulation's conversations with the corpus's"
                + " complete reply (an agent reply of author HUMAN), so human-reply training examples exist."),
        new Setting(RUN_ID, "",
            "Prefix of the simulation's conversation and message ids; empty means sim- and the start time."),
        new Setting(PROGRESS_INTERVAL, "10s", "How often kefu simulate prints a progress line."));
  }
}
