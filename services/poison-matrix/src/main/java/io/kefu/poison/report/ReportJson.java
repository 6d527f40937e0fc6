package io.kefu.poison.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link MatrixReport} as JSON: the cases, the totals, the liveness figures and the verdict. */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as a JSON document. */
  public static String toJson(MatrixReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("test", "poison matrix");
    doc.put("passed", report.passed());
    doc.put("elapsedSeconds", report.elapsed().toMillis() / 1000.0);
    doc.put("totals", report.totals());
    doc.put("liveness", report.liveness());
    doc.put("noRestarts", report.liveness().noRestarts());
    doc.put("cases", report.cases().stream().map(c -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("case", c.name());
      row.put("topic", c.topic());
      row.put("input", c.input());
      row.put("expected", c.expected());
      row.put("actual", c.actual());
      row.put("pass", c.pass());
      row.put("problems", c.problems());
      return row;
    }).toList());
    try {
      return MAPPER.writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the poison matrix report as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes {@link #toJson} to {@code file}, creating its directory. */
  public static void write(MatrixReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(report));
  }
}
