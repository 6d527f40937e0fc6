package io.kefu.chaos.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes chaos results as JSON: {@code {"results": [{"test": ..., "lost": 0, ..., "details": {...}}]}}. */
public final class ResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  /** The JSON document of {@code results}. */
  public static String render(List<ChaosResult> results) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("results");
    for (ChaosResult r : results) {
      ObjectNode node = array.addObject();
      node.put("test", r.test());
      node.put("load", r.load());
      node.put("faultsInjected", r.faults());
      node.put("faultCount", r.faultCount());
      node.put("recordsIn", r.recordsIn());
      node.put("recordsOut", r.recordsOut());
      node.put("lost", r.lost());
      node.put("duplicated", r.duplicated());
      node.put("orderViolations", r.orderViolations());
      node.put("elapsedMs", r.elapsed().toMillis());
      node.put("passed", r.passed());
      node.set("details", MAPPER.valueToTree(r.details()));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chaos results as JSON", e);
    }
  }

  /** Writes the JSON document of {@code results} to {@code file}, creating its directory. */
  public static void write(Path file, List<ChaosResult> results) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, render(results) + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
