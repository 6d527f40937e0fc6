package io.kefu.kafka.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable list of Kefu's topics, read from infra/topics.json (shipped in this jar) with a name prefix applied.
 *
 * <p>Logical names (e.g. {@code customer-messages}) are what code refers to; {@link #spec(String)} gives the
 * physical topic. Each topic declared with {@code "dlq": true} gets a {@code <name>.dlq} companion.
 */
public final class TopicCatalogue {
  public static final String DLQ_SUFFIX = ".dlq";
  private static final String RESOURCE = "/io/kefu/kafka/topic/topics.json";

  private final String prefix;
  private final Map<String, TopicSpec> byLogicalName;

  private TopicCatalogue(String prefix, Map<String, TopicSpec> byLogicalName) {
    this.prefix = prefix;
    this.byLogicalName = Collections.unmodifiableMap(byLogicalName);
  }

  /** Loads the declarations shipped in the jar and applies {@code prefix} (may be empty). */
  public static TopicCatalogue load(String prefix) {
    try (InputStream in = TopicCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("topic declarations " + RESOURCE + " are missing from the classpath");
      }
      return parse(new ObjectMapper().readTree(in), prefix == null ? "" : prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read topic declarations " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static TopicCatalogue parse(JsonNode root, String prefix) {
    if (!prefix.isEmpty() && !prefix.matches("[a-zA-Z0-9._-]+")) {
      throw new IllegalArgumentException("topic.prefix may hold only letters, digits, '.', '_' and '-', was '" + prefix + "'");
    }
    long dlqRetention = root.path("dlqRetentionMs").asLong(2_592_000_000L);
    Map<String, TopicSpec> specs = new LinkedHashMap<>();
    for (JsonNode t : root.withArray("topics")) {
      String logical = t.path("name").asText();
      TopicSpec spec = new TopicSpec(prefix + logical, t.path("partitions").asInt(1),
          (short) t.path("replication").asInt(1), t.path("cleanup").asText("delete"),
          t.path("retentionMs").asLong(-1), t.path("doc").asText(""));
      specs.put(logical, spec);
      if (t.path("dlq").asBoolean(false)) {
        specs.put(logical + DLQ_SUFFIX, new TopicSpec(spec.name() + DLQ_SUFFIX, spec.partitions(), spec.replication(),
            "delete", dlqRetention, "Dead letters of " + logical + ": original bytes, headers say why and where from."));
      }
    }
    return new TopicCatalogue(prefix, specs);
  }

  /** The spec of a logical topic name; fails naming the known ones when there is no such topic. */
  public TopicSpec spec(String logicalName) {
    TopicSpec spec = byLogicalName.get(logicalName);
    if (spec == null) {
      throw new IllegalArgumentException("no topic '" + logicalName + "' is declared; declared: " + byLogicalName.keySet());
    }
    return spec;
  }

  /** Full name of a logical topic. */
  public String name(String logicalName) {
    return spec(logicalName).name();
  }

  /** The dead-letter topic of a logical topic. */
  public String dlqName(String logicalName) {
    return spec(logicalName + DLQ_SUFFIX).name();
  }

  /** Every topic, DLQs included, in declaration order. */
  public List<TopicSpec> all() {
    return new ArrayList<>(byLogicalName.values());
  }

  public String prefix() {
    return prefix;
  }
}
