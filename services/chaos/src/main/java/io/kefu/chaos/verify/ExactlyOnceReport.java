package io.kefu.chaos.verify;

import java.util.List;

/**
 * What the exactly-once check found.
 *
 * @param recordsIn messages acknowledged by the broker
 * @param recordsOut answers read back (replies, holding replies included)
 * @param handoffs handoff requests read back
 * @param lost messages with no answer
 * @param duplicated answers beyond the first for a message, plus handoffs beyond the first
 * @param unexpected answers to messages that were never sent
 * @param orderViolations answers that came before the answer to an earlier message of their conversation
 * @param examples a few of the messages behind non-zero counts, for the report
 */
public record ExactlyOnceReport(long recordsIn, long recordsOut, long handoffs, long lost, long duplicated,
    long unexpected, long orderViolations, List<String> examples) {

  /** Copies the examples. */
  public ExactlyOnceReport {
    examples = List.copyOf(examples);
  }

  /** True when nothing was lost, duplicated, unexpected or out of order. */
  public boolean exactlyOnce() {
    return lost == 0 && duplicated == 0 && unexpected == 0 && orderViolations == 0;
  }
}
