package io.kefu.poison.verify;

import java.util.List;

/**
 * The verdict on one case: a row of the outcome table.
 *
 * @param name the case
 * @param topic the topic its record went to (logical name)
 * @param input how its record was built
 * @param expected the expected outcome, e.g. {@code DLQ WRONG_MAGIC_BYTE}
 * @param actual what the outputs show, e.g. {@code DLQ WRONG_MAGIC_BYTE}, {@code REPLY}, {@code NOTHING}
 * @param problems everything wrong besides (or behind) a mismatch: headers, bytes, unanswered neighbours
 */
public record CaseResult(String name, String topic, String input, String expected, String actual,
    List<String> problems) {

  public CaseResult {
    problems = List.copyOf(problems);
  }

  /** True when the actual outcome is the expected one and nothing else is wrong. */
  public boolean pass() {
    return problems.isEmpty();
  }
}
