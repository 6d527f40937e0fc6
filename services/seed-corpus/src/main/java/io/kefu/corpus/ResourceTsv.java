package io.kefu.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a tab-separated UTF-8 resource of this package; blank lines and lines starting with '#' are skipped. */
final class ResourceTsv {
  private ResourceTsv() {}

  /** The rows of {@code name}, each split into exactly {@code columns} non-empty cells. */
  static List<String[]> read(String name, int columns) {
    InputStream in = ResourceTsv.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource io/kefu/corpus/" + name + " is missing from the classpath");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(name + ":" + lineNumber + " has " + cells.length + " tab-separated cells, expected "
              + columns + ": " + line);
        }
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].strip();
          if (cells[i].isEmpty()) {
            throw new IllegalStateException(name + ":" + lineNumber + " has an empty cell " + (i + 1) + ": " + line);
          }
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource io/kefu/corpus/" + name, e);
    }
    return List.copyOf(rows);
  }
}
