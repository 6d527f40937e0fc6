package io.kefu.chaos.scenario;

import java.time.Duration;

/**
 * The load of a scenario.
 *
 * @param messages customer messages to send
 * @param conversations conversations they are spread over
 * @param messagesPerSecond send rate (0: as fast as possible)
 * @param seed seed of the texts, the sending order and the fault schedule
 * @param drainTimeout how long the service may take, after the last fault, to answer everything
 */
public record LoadOptions(int messages, int conversations, double messagesPerSecond, long seed,
    Duration drainTimeout) {

  /** Checks the figures. */
  public LoadOptions {
    if (messages < 1 || conversations < 1 || messages < conversations) {
      throw new IllegalArgumentException("need messages >= conversations >= 1, was " + messages + " messages over "
          + conversations + " conversations");
    }
    if (messagesPerSecond < 0) {
      throw new IllegalArgumentException("messagesPerSecond must be >= 0, was " + messagesPerSecond);
    }
  }

  /** {@code 1500 messages / 60 conversations @ 100/s}. */
  public String describe() {
    return messages + " messages / " + conversations + " conversations"
        + (messagesPerSecond > 0 ? String.format(java.util.Locale.ROOT, " @ %.0f/s", messagesPerSecond) : "");
  }
}
