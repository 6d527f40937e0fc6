package io.kefu.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads src/test/resources/redaction/labelled-set.tsv (header line, then input TAB expected TAB note). */
final class LabelledSet {
  private static final String RESOURCE = "/redaction/labelled-set.tsv";
  private static final String HEADER = "input\texpected\tnote";

  private LabelledSet() {}

  static List<LabelledRow> load() {
    try (InputStream stream = LabelledSet.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("test resource " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalStateException(RESOURCE + " must start with the header '" + HEADER + "'");
      }
      List<LabelledRow> rows = new ArrayList<>();
      int lineNumber = 1;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
          throw new IllegalStateException(
              RESOURCE + " line " + lineNumber + " must have 3 tab-separated columns, had " + columns.length);
        }
        rows.add(new LabelledRow(lineNumber, columns[0], columns[1], columns[2]));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
