package io.kefu.lifecycle;

import io.kefu.contract.ModelVersion;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table {@code kefu models} prints: one row per version with its status, parent, canary share, the headline
 * training and evaluation figures, when it last changed and why.
 */
public final class ModelsTable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final List<String> HEADERS =
      List.of("MODEL", "VERSION", "STATUS", "PARENT", "CANARY", "EXAMPLES", "EVAL", "CHANGED (UTC)", "REASON");

  private ModelsTable() {}

  /** Renders {@code versions} (latest record of each), in the order given, as an aligned text table. */
  public static String render(List<ModelVersion> versions) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (ModelVersion v : versions) {
      rows.add(List.of(v.getModelName(), v.getVersion(), v.getStatus().name(),
          v.getParentVersion() == null ? "-" : v.getParentVersion(),
          v.getCanaryShare() > 0 ? String.format(Locale.ROOT, "%.0f%%", v.getCanaryShare() * 100) : "-",
          examples(v.getTrainingMetrics()), figures(v.getEvaluation()), TIME.format(v.getChangedAt()),
          v.getReason() == null ? "" : v.getReason()));
    }
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        boolean last = i == row.size() - 1;
        out.append(last ? row.get(i) : pad(row.get(i), widths[i])).append(last ? "" : "  ");
      }
      out.append('\n');
    }
    if (versions.isEmpty()) {
      out.append("(no model versions registered)\n");
    }
    return out.toString();
  }

  private static String examples(Map<String, Double> metrics) {
    Double examples = metrics.get("examples");
    return examples == null ? "-" : Long.toString(Math.round(examples));
  }

  private static String figures(Map<String, Double> evaluation) {
    if (evaluation.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    new TreeMap<>(evaluation).forEach((k, v) -> {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(k).append('=').append(String.format(Locale.ROOT, "%.3f", v));
    });
    return out.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
