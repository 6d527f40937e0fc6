package io.kefu.poison.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.poison.env.LivenessReport;
import io.kefu.poison.verify.CaseResult;
import io.kefu.poison.verify.Totals;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTableTest {
  private static final LivenessReport STEADY =
      new LivenessReport(10, true, true, 0, 0, List.of("RUNNING"), true, 0);

  @Test
  void shouldRenderOneRowPerCaseThenTotalsAndTheVerdict() {
    // Given a report with one passing and one failing case
    MatrixReport report = new MatrixReport(List.of(
        new CaseResult("random-bytes", "customer-messages", "bytes", "DLQ WRONG_MAGIC_BYTE", "DLQ WRONG_MAGIC_BYTE",
            List.of()),
        new CaseResult("rating-0", "feedback", "a rating", "DLQ RATING_OUT_OF_RANGE", "NOTHING",
            List.of("expected DLQ RATING_OUT_OF_RANGE, was NOTHING"))),
        new Totals(2, 4, 2, 8, 5, 1, 0, 4, 4, 1, 2, 0, 2), STEADY, Duration.ofSeconds(42));

    // When it is rendered
    List<String> lines = OutcomeTable.render(report).lines().toList();

    // Then the rows, the failure, the totals and the verdict are shown
    assertThat(lines.get(0)).isEqualTo("case          topic              expected                 actual                "
        + "pass");
    assertThat(lines.get(2)).isEqualTo("random-bytes  customer-messages  DLQ WRONG_MAGIC_BYTE     DLQ WRONG_MAGIC_BYTE  "
        + "yes");
    assertThat(lines.get(3)).isEqualTo("rating-0      feedback           DLQ RATING_OUT_OF_RANGE  NOTHING               "
        + "NO");
    assertThat(lines).contains("FAILED rating-0:", "  - expected DLQ RATING_OUT_OF_RANGE, was NOTHING",
        "inputs tried 2, records in 8, records out 5, lost 1, duplicated 0",
        "replies 4 (expected 4), dead letters 1 (expected 2), training examples 0 (expected 2)",
        "1 of 2 cases passed in 42 s: FAIL");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void shouldWriteTheSameFiguresAsJson() {
    MatrixReport report = new MatrixReport(List.of(new CaseResult("random-bytes", "customer-messages", "bytes",
        "DLQ WRONG_MAGIC_BYTE", "DLQ WRONG_MAGIC_BYTE", List.of())), new Totals(1, 2, 0, 3, 3, 0, 0, 2, 2, 1, 1, 0, 0),
        STEADY, Duration.ofSeconds(1));

    String json = ReportJson.toJson(report);

    assertThat(json).contains("\"passed\" : true", "\"recordsIn\" : 3", "\"lost\" : 0", "\"duplicated\" : 0",
        "\"case\" : \"random-bytes\"", "\"actual\" : \"DLQ WRONG_MAGIC_BYTE\"", "\"noRestarts\" : true");
  }
}
