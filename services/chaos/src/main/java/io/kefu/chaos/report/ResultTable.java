package io.kefu.chaos.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints chaos results as a plain-text table, one row per run, followed by each run's details. */
public final class ResultTable {
  private static final List<String> HEADERS = List.of("test", "load", "faults injected", "records in", "records out",
      "lost", "duplicated", "order violations", "elapsed", "result");

  private ResultTable() {}

  /** The table of {@code results}. */
  public static String render(List<ChaosResult> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (ChaosResult r : results) {
      rows.add(List.of(r.test(), r.load(), r.faults(), Long.toString(r.recordsIn()), Long.toString(r.recordsOut()),
          Long.toString(r.lost()), Long.toString(r.duplicated()), Long.toString(r.orderViolations()),
          String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0), r.passed() ? "PASS" : "FAIL"));
    }
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths);
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
          rule.add("-".repeat(width));
        }
        line(out, rule, widths);
      }
    }
    for (ChaosResult r : results) {
      if (!r.details().isEmpty()) {
        out.append(System.lineSeparator()).append(r.test()).append(':').append(System.lineSeparator());
        for (Map.Entry<String, Object> e : r.details().entrySet()) {
          out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append(System.lineSeparator());
        }
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      out.append(' ').append(String.format("%-" + widths[i] + "s", cells.get(i))).append(" |");
    }
    out.append(System.lineSeparator());
  }
}
