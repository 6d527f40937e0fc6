package io.kefu.chaos.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one chaos run.
 *
 * @param test the scenario ({@code crash reply-service}, {@code zombie}, ...)
 * @param load what was sent ({@code 20000 messages / 500 conversations})
 * @param faults what was injected ({@code 5 x SIGKILL})
 * @param faultCount how many faults were injected
 * @param recordsIn messages acknowledged by the broker
 * @param recordsOut answers read back by a read_committed consumer
 * @param lost messages with no answer
 * @param duplicated answers (or handoffs) beyond the first per message
 * @param orderViolations answers out of their conversation's order
 * @param elapsed wall time of the run, from the first message sent to the check
 * @param details further figures of the scenario (drain rate, fenced transactions ...), in insertion order
 */
public record ChaosResult(String test, String load, String faults, int faultCount, long recordsIn, long recordsOut,
    long lost, long duplicated, long orderViolations, Duration elapsed, Map<String, Object> details) {

  /** Copies the details, keeping their order. */
  public ChaosResult {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(elapsed, "elapsed");
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** True when nothing was lost, duplicated or out of order. */
  public boolean passed() {
    return lost == 0 && duplicated == 0 && orderViolations == 0;
  }
}
