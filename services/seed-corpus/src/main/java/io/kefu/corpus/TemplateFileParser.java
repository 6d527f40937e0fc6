package io.kefu.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a template file: {@code == SECTION} headers, then {@code kind | text} lines; {@code #} starts a comment. */
final class TemplateFileParser {

  /** The kinds a line may have. */
  static final Set<String> KINDS = Set.of("train", "held", "terse", "complete", "agent");

  private TemplateFileParser() {}

  /** Templates of the classpath resource {@code resource}, by section then kind, in file order. */
  static Map<String, Map<String, List<Template>>> parseResource(String resource) {
    InputStream in = TemplateFileParser.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("template resource " + resource + " is missing from the classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(resource, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template resource " + resource, e);
    }
  }

  /** Templates of {@code lines}, named {@code source} in error messages. */
  static Map<String, Map<String, List<Template>>> parse(String source, List<String> lines) {
    Map<String, Map<String, List<Template>>> sections = new LinkedHashMap<>();
    Map<String, List<Template>> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String origin = source + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("==")) {
        String name = line.substring(2).strip();
        if (name.isEmpty() || sections.containsKey(name)) {
          throw new IllegalArgumentException(origin + ": section name must be new and non-empty, was '" + name + "'");
        }
        current = new LinkedHashMap<>();
        sections.put(name, current);
        continue;
      }
      int bar = line.indexOf('|');
      if (current == null || bar < 0) {
        throw new IllegalArgumentException(origin + ": expected 'kind | text' inside a '== SECTION', was '" + line + "'");
      }
      String kind = line.substring(0, bar).strip();
      String text = line.substring(bar + 1).strip();
      if (!KINDS.contains(kind) || text.isEmpty()) {
        throw new IllegalArgumentException(origin + ": kind must be one of " + KINDS + " and text non-empty, was '"
            + line + "'");
      }
      current.computeIfAbsent(kind, k -> new ArrayList<>()).add(Template.parse(text, origin));
    }
    return sections;
  }
}
