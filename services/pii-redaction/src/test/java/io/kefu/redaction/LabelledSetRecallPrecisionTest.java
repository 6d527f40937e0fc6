package io.kefu.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Measures the detector against the labelled set: per-type recall over gold spans, overall precision, and the
 * exact redacted output of every row. A detected span counts only if its type and both ends match a gold span.
 */
class LabelledSetRecallPrecisionTest {
  private static final int MIN_ROWS = 240;
  private static final int MIN_GOLD_PER_TYPE = 20;
  private static final double MIN_RECALL = 0.99;
  private static final double MIN_PRECISION = 0.97;
  // A fixed "today" keeps the birth-date plausibility rule from drifting with the calendar.
  private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static List<LabelledRow> rows;
  private static PiiRedactor redactor;

  @BeforeAll
  static void loadSet() {
    rows = LabelledSet.load();
    redactor = new PiiRedactor(new PiiDetector(TODAY));
  }

  @Test
  void labelledSetHasEnoughRowsAndPositivesOfEveryTypeAndNegatives() {
    // Given the labelled set
    Map<PiiType, Integer> gold = new EnumMap<>(PiiType.class);
    long negatives = rows.stream().filter(row -> row.input().equals(row.expected())).count();
    rows.forEach(row -> row.goldSpans().forEach(span -> gold.merge(span.type(), 1, Integer::sum)));

    // Then it is large enough, covers every type and holds look-alike negatives
    assertThat(rows).hasSizeGreaterThanOrEqualTo(MIN_ROWS);
    for (PiiType type : PiiType.values()) {
      assertThat(gold.getOrDefault(type, 0)).as("gold spans of %s", type).isGreaterThanOrEqualTo(MIN_GOLD_PER_TYPE);
    }
    assertThat(negatives).isGreaterThanOrEqualTo(60);
  }

  @Test
  void recallIsAtLeast99PercentPerTypeAndPrecisionAtLeast97PercentOverall() {
    // Given gold spans and detected spans for every row
    Map<PiiType, TypeScore> scores = new EnumMap<>(PiiType.class);
    for (PiiType type : PiiType.values()) {
      scores.put(type, new TypeScore());
    }
    for (LabelledRow row : rows) {
      Set<PiiSpan> gold = new HashSet<>(row.goldSpans());
      List<PiiSpan> detected = redactor.detector().detect(row.input());
      gold.forEach(span -> scores.get(span.type()).gold++);
      gold.stream().filter(detected::contains).forEach(span -> scores.get(span.type()).recalled++);
      detected.forEach(span -> scores.get(span.type()).detected++);
      detected.stream().filter(gold::contains).forEach(span -> scores.get(span.type()).correct++);
    }

    // When the figures are computed
    int detectedAll = scores.values().stream().mapToInt(score -> score.detected).sum();
    int correctAll = scores.values().stream().mapToInt(score -> score.correct).sum();
    double precision = detectedAll == 0 ? 0 : (double) correctAll / detectedAll;
    System.out.println(table(scores, precision, correctAll, detectedAll));

    // Then every type is recalled and few detections are wrong
    List<String> lowRecall = new ArrayList<>();
    scores.forEach((type, score) -> {
      if (score.recall() < MIN_RECALL) {
        lowRecall.add(type + " " + score.recalled + "/" + score.gold);
      }
    });
    assertThat(lowRecall).as("types below %.0f%% recall", MIN_RECALL * 100).isEmpty();
    assertThat(precision).as("overall precision").isGreaterThanOrEqualTo(MIN_PRECISION);
  }

  @TestFactory
  Stream<DynamicTest> everyRowRedactsToExactlyItsExpectedOutput() {
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
      // Given a labelled input, When it is redacted, Then the output is exactly the expected one
      Redaction redaction = redactor.redact(row.input());
      assertThat(redaction.text()).as(row.toString()).isEqualTo(row.expected());
      assertThat(redaction.total()).as("placeholders in " + row).isEqualTo(row.goldSpans().size());
    }));
  }

  private static String table(Map<PiiType, TypeScore> scores, double precision, int correct, int detected) {
    StringBuilder table = new StringBuilder("\nLabelled set: ").append(rows.size()).append(" rows\n");
    table.append(String.format("%-15s %6s %9s %8s %9s %10s%n",
        "type", "gold", "recalled", "recall", "detected", "precision"));
    scores.forEach((type, score) -> table.append(String.format("%-15s %6d %9d %7.2f%% %9d %9.2f%%%n",
        type, score.gold, score.recalled, 100 * score.recall(), score.detected, 100 * score.precision())));
    table.append(String.format("%-15s %6s %9s %8s %9d %9.2f%% (%d/%d correct)%n",
        "ALL", "", "", "", detected, 100 * precision, correct, detected));
    return table.toString();
  }

  /** Tallies for one type: gold spans, gold spans detected, spans detected, detected spans that are gold. */
  private static final class TypeScore {
    int gold;
    int recalled;
    int detected;
    int correct;

    double recall() {
      return gold == 0 ? 0 : (double) recalled / gold;
    }

    double precision() {
      return detected == 0 ? 0 : (double) correct / detected;
    }
  }
}
