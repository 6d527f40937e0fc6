package io.kefu.registry.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.kefu.registry.store.ConfigKey;
import io.kefu.registry.store.ConfigValue;
import io.kefu.registry.store.SchemaKey;
import io.kefu.registry.store.SchemaValue;
import io.kefu.registry.store.StoreKey;
import io.kefu.registry.store.StoreListener;
import io.kefu.registry.store.StoreValue;
import io.kefu.serde.CompatibilityLevel;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry knows, rebuilt from the registry topic record by record: subjects and their versions, schemas by
 * global id, and compatibility levels; thread-safe.
 */
public final class RegistryState implements StoreListener {
  private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

  private final CompatibilityLevel defaultLevel;
  /** Live (not deleted) versions by subject, subjects sorted by name, versions ascending. */
  private final Map<String, TreeMap<Integer, RegisteredSchema>> subjects = new TreeMap<>();
  /** The highest version ever written per subject, deleted ones included, so numbers are never reused. */
  private final Map<String, Integer> highestVersions = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int highestId;

  /** An empty state whose global level is {@code defaultLevel} until a record sets one. */
  public RegistryState(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  @Override
  public synchronized void onRecord(StoreKey key, StoreValue value, String schemaType) {
    if (key instanceof SchemaKey schemaKey) {
      applySchema(schemaKey, (SchemaValue) value, schemaType);
    } else {
      ConfigKey configKey = (ConfigKey) key;
      CompatibilityLevel level = value == null ? null : ((ConfigValue) value).compatibilityLevel();
      if (configKey.isGlobal()) {
        globalLevel = level;
      } else if (level == null) {
        subjectLevels.remove(configKey.subject());
      } else {
        subjectLevels.put(configKey.subject(), level);
      }
    }
  }

  private void applySchema(SchemaKey key, SchemaValue value, String schemaType) {
    if (value == null) {
      removeVersion(key.subject(), key.version());
      return;
    }
    if (!AvroSchemas.AVRO.equals(schemaType)) {
      log.warn("Ignoring {} schema {} version {} (id {}): this registry serves AVRO only", schemaType,
          value.subject(), value.version(), value.id());
      return;
    }
    Schema schema;
    try {
      schema = AvroSchemas.parseStored(value.schema());
    } catch (RuntimeException e) {
      log.error("Ignoring unparsable schema {} version {} (id {}) in the registry topic", value.subject(),
          value.version(), value.id(), e);
      return;
    }
    highestId = Math.max(highestId, value.id());
    highestVersions.merge(value.subject(), value.version(), Math::max);
    schemasById.putIfAbsent(value.id(), schema);
    idsBySchemaText.putIfAbsent(schema.toString(), value.id());
    if (value.deleted()) {
      removeVersion(value.subject(), value.version());
      return;
    }
    subjects.computeIfAbsent(value.subject(), s -> new TreeMap<>())
        .put(value.version(), new RegisteredSchema(value.subject(), value.version(), value.id(),
            schemasById.get(value.id())));
  }

  private void removeVersion(String subject, int version) {
    TreeMap<Integer, RegisteredSchema> versions = subjects.get(subject);
    if (versions != null) {
      versions.remove(version);
      if (versions.isEmpty()) {
        subjects.remove(subject);
      }
    }
  }

  /** Subjects with at least one live version, sorted. */
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** The live versions of {@code subject}, oldest first; empty when the subject has none. */
  public synchronized List<RegisteredSchema> versions(String subject) {
    TreeMap<Integer, RegisteredSchema> versions = subjects.get(subject);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  /** One version of {@code subject}, or its latest for {@link VersionId#LATEST}. */
  public synchronized Optional<RegisteredSchema> version(String subject, VersionId version) {
    TreeMap<Integer, RegisteredSchema> versions = subjects.get(subject);
    if (versions == null) {
      return Optional.empty();
    }
    if (version.isLatest()) {
      return Optional.of(versions.lastEntry().getValue());
    }
    return Optional.ofNullable(versions.get(version.version()));
  }

  /** The version of {@code subject} whose schema equals {@code schema}, if any. */
  public synchronized Optional<RegisteredSchema> find(String subject, Schema schema) {
    String text = schema.toString();
    return versions(subject).stream().filter(v -> v.schemaText().equals(text)).findFirst();
  }

  /** The schema with global id {@code id}. */
  public synchronized Optional<Schema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The global id already given to {@code schema} under any subject. */
  public synchronized OptionalInt idOf(Schema schema) {
    Integer id = idsBySchemaText.get(schema.toString());
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The highest global id in use, 0 when none. */
  public synchronized int highestId() {
    return highestId;
  }

  /** The highest version ever given under {@code subject}, 0 when none. */
  public synchronized int highestVersion(String subject) {
    return highestVersions.getOrDefault(subject, 0);
  }

  /** The global level: the stored one, or the configured default. */
  public synchronized CompatibilityLevel globalLevel() {
    return globalLevel != null ? globalLevel : defaultLevel;
  }

  /** The level set for {@code subject} itself, if any. */
  public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The level that applies to {@code subject}: its own, else the global one. */
  public synchronized CompatibilityLevel effectiveLevel(String subject) {
    CompatibilityLevel own = subjectLevels.get(subject);
    return own != null ? own : globalLevel();
  }

  /** The schemas of {@code versions}, in the same order. */
  static List<Schema> schemasOf(List<RegisteredSchema> versions) {
    List<Schema> schemas = new ArrayList<>(versions.size());
    versions.forEach(v -> schemas.add(v.schema()));
    return schemas;
  }
}
