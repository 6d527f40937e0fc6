package io.kefu.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * A schema registry held in memory with Confluent Schema Registry's rules, for tests that need no server
 * (e.g. TopologyTestDriver); thread-safe.
 *
 * <p>Rules: global ids start at 1 and are shared by every subject that registers the same schema (compared by
 * its JSON form, as Confluent does without normalization); versions start at 1 per subject; registering a schema
 * already under the subject returns its id without a check; any other registration is checked against the
 * subject's level (default {@link CompatibilityLevel#BACKWARD}) and refused with 409 when incompatible.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<SubjectVersion>> versionsBySubject = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int nextId = 1;

  /** Creates an empty registry whose global level is BACKWARD. */
  public InMemorySchemaRegistryClient() {
    this(CompatibilityLevel.DEFAULT);
  }

  /** Creates an empty registry with the given global compatibility level. */
  public InMemorySchemaRegistryClient(CompatibilityLevel globalLevel) {
    this.globalLevel = Objects.requireNonNull(globalLevel, "globalLevel");
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    requireSubject(subject);
    String text = validatedText(schema);
    List<SubjectVersion> versions = versionsBySubject.getOrDefault(subject, List.of());
    for (SubjectVersion existing : versions) {
      if (existing.schema().toString().equals(text)) {
        return existing.id();
      }
    }
    CompatibilityLevel level = effectiveLevel(subject);
    CompatibilityChecker.Result result = CompatibilityChecker.check(level, schema, schemasOf(versions));
    if (!result.compatible()) {
      throw SchemaRegistryException.incompatible(subject, level, result.messages());
    }
    int id = idsBySchemaText.computeIfAbsent(text, ignored -> nextId++);
    schemasById.putIfAbsent(id, schema);
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    versionsBySubject.computeIfAbsent(subject, ignored -> new ArrayList<>())
        .add(new SubjectVersion(subject, version, id, schemasById.get(id)));
    return id;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    String text = validatedText(schema);
    for (SubjectVersion existing : existingVersions(subject)) {
      if (existing.schema().toString().equals(text)) {
        return existing.id();
      }
    }
    throw SchemaRegistryException.schemaNotFoundUnderSubject(subject);
  }

  @Override
  public synchronized Schema getById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaIdNotFound(id);
    }
    return schema;
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(versionsBySubject.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return existingVersions(subject).stream().map(SubjectVersion::version).toList();
  }

  @Override
  public synchronized SubjectVersion version(String subject, int version) {
    if (version == 0 || version < -1) {
      throw SchemaRegistryException.invalidVersion(Integer.toString(version));
    }
    List<SubjectVersion> versions = existingVersions(subject);
    if (version == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream()
        .filter(candidate -> candidate.version() == version)
        .findFirst()
        .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, version));
  }

  @Override
  public synchronized boolean isCompatibleWithLatest(String subject, Schema schema) {
    validatedText(schema);
    List<SubjectVersion> versions = versionsBySubject.getOrDefault(subject, List.of());
    if (versions.isEmpty()) {
      // Confluent answers is_compatible=true for "latest" of a subject with no versions.
      return true;
    }
    CompatibilityLevel level = effectiveLevel(subject);
    Schema latest = versions.get(versions.size() - 1).schema();
    return CompatibilityChecker.isCompatible(level, schema, List.of(latest));
  }

  @Override
  public synchronized String compatibility(String subject) {
    return (subject == null ? globalLevel : effectiveLevel(subject)).name();
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw SchemaRegistryException.invalidCompatibilityLevel(level);
    }
    if (subject == null) {
      globalLevel = parsed;
    } else {
      subjectLevels.put(subject, parsed);
    }
  }

  private CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<SubjectVersion> existingVersions(String subject) {
    List<SubjectVersion> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  private static List<Schema> schemasOf(List<SubjectVersion> versions) {
    return versions.stream().map(SubjectVersion::schema).toList();
  }

  private static void requireSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must be a non-blank string, was "
          + (subject == null ? "null" : "'" + subject + "'"));
    }
  }

  /** Returns the schema's JSON text after checking that Avro would accept it back, as the registry does. */
  private static String validatedText(Schema schema) {
    if (schema == null) {
      throw SchemaRegistryException.invalidSchema("schema is null");
    }
    String text = schema.toString();
    try {
      new Schema.Parser().parse(text);
    } catch (AvroRuntimeException e) {
      throw SchemaRegistryException.invalidSchema(e.getMessage());
    }
    return text;
  }
}
