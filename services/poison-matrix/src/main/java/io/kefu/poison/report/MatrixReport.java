package io.kefu.poison.report;

import io.kefu.poison.env.LivenessReport;
import io.kefu.poison.verify.CaseResult;
import io.kefu.poison.verify.Totals;
import java.time.Duration;
import java.util.List;

/**
 * Everything a matrix run found.
 *
 * @param cases one row per case, in the order they were written
 * @param totals the run's counts
 * @param liveness whether the services restarted
 * @param elapsed how long the run took, start-up and model training included
 */
public record MatrixReport(List<CaseResult> cases, Totals totals, LivenessReport liveness, Duration elapsed) {

  public MatrixReport {
    cases = List.copyOf(cases);
  }

  /** Cases whose outcome was not the expected one. */
  public List<CaseResult> failures() {
    return cases.stream().filter(c -> !c.pass()).toList();
  }

  /**
   * True when every case passed, nothing was lost or doubled, the output counts are the expected ones, and neither
   * service restarted.
   */
  public boolean passed() {
    return failures().isEmpty() && totals.lost() == 0 && totals.duplicated() == 0
        && totals.replies() == totals.expectedReplies() && totals.deadLetters() == totals.expectedDeadLetters()
        && totals.examples() == totals.expectedExamples() && liveness.noRestarts();
  }
}
