package io.kefu.registry.service;

import java.util.List;
import java.util.Optional;

import io.kefu.registry.store.ConfigKey;
import io.kefu.registry.store.ConfigValue;
import io.kefu.registry.store.KafkaStore;
import io.kefu.registry.store.SchemaKey;
import io.kefu.registry.store.SchemaValue;
import io.kefu.registry.store.StoreException;
import io.kefu.registry.store.StoreKey;
import io.kefu.registry.store.StoreValue;
import io.kefu.serde.CompatibilityChecker;
import io.kefu.serde.CompatibilityLevel;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations with Confluent Schema Registry's rules: reads answer from {@link RegistryState}; writes
 * are decided under one lock, stored through {@link KafkaStore}, and visible once the store has read them back.
 */
public final class SchemaRegistryService {
  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryService.class);

  private final RegistryState state;
  private final KafkaStore store;
  private final Object writeLock = new Object();

  public SchemaRegistryService(RegistryState state, KafkaStore store) {
    this.state = state;
    this.store = store;
  }

  /**
   * Registers a schema under {@code subject} and returns its global id; a schema already under the subject returns
   * its id without a new version, a schema known under another subject keeps its id.
   *
   * @throws RegistryError 42201 for an invalid schema, 409 when it breaks the subject's compatibility level
   */
  public int register(String subject, SchemaRequest request) {
    Schema schema = AvroSchemas.parseSubmitted(request);
    synchronized (writeLock) {
      catchUp();
      Optional<RegisteredSchema> existing = state.find(subject, schema);
      if (existing.isPresent()) {
        return existing.get().id();
      }
      CompatibilityLevel level = state.effectiveLevel(subject);
      List<RegisteredSchema> previous = state.versions(subject);
      CompatibilityChecker.Result result = CompatibilityChecker.check(level, schema,
          RegistryState.schemasOf(previous));
      if (!result.compatible()) {
        throw RegistryError.incompatible(subject, level, result.messages());
      }
      int id = state.idOf(schema).orElse(state.highestId() + 1);
      int version = state.highestVersion(subject) + 1;
      write(new SchemaKey(subject, version), new SchemaValue(subject, version, id, schema.toString(), false));
      log.info("Registered schema id {} as version {} of subject '{}'", id, version, subject);
      return id;
    }
  }

  /**
   * Finds the version of {@code subject} that holds the given schema.
   *
   * @throws RegistryError 40401 when the subject has no versions, 40403 when none holds the schema
   */
  public RegisteredSchema lookup(String subject, SchemaRequest request) {
    if (state.versions(subject).isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    Schema schema = AvroSchemas.parseSubmitted(request);
    return state.find(subject, schema).orElseThrow(RegistryError::schemaNotFound);
  }

  /** The schema with global id {@code id}; 40403 when there is none. */
  public Schema schemaById(int id) {
    return state.schemaById(id).orElseThrow(() -> RegistryError.schemaIdNotFound(id));
  }

  /** Every subject with at least one version, sorted. */
  public List<String> subjects() {
    return state.subjects();
  }

  /** The version numbers of {@code subject}, ascending; 40401 when it has none. */
  public List<Integer> versions(String subject) {
    List<RegisteredSchema> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return versions.stream().map(RegisteredSchema::version).toList();
  }

  /** One version of {@code subject}; 40401 when the subject has none, 40402 when it lacks that version. */
  public RegisteredSchema version(String subject, VersionId version) {
    if (state.versions(subject).isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return state.version(subject, version).orElseThrow(() -> RegistryError.versionNotFound(version.version()));
  }

  /**
   * Checks a schema against one version of {@code subject} under the subject's level, as Confluent does: with
   * {@code latest} on a subject without versions any schema is compatible.
   *
   * @throws RegistryError 40402 for a numbered version the subject lacks, 42201 for an invalid schema
   */
  public CompatibilityChecker.Result checkAgainstVersion(String subject, VersionId version, SchemaRequest request) {
    Optional<RegisteredSchema> target = state.version(subject, version);
    if (target.isEmpty() && !version.isLatest()) {
      throw RegistryError.versionNotFound(version.version());
    }
    Schema schema = AvroSchemas.parseSubmitted(request);
    List<Schema> previous = target.map(t -> List.of(t.schema())).orElse(List.of());
    return CompatibilityChecker.check(state.effectiveLevel(subject), schema, previous);
  }

  /** Checks a schema as registration would: against the versions the subject's level covers. */
  public CompatibilityChecker.Result checkAgainstAllVersions(String subject, SchemaRequest request) {
    Schema schema = AvroSchemas.parseSubmitted(request);
    return CompatibilityChecker.check(state.effectiveLevel(subject), schema,
        RegistryState.schemasOf(state.versions(subject)));
  }

  /** The global compatibility level. */
  public CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  /** The level set on {@code subject} itself, if any. */
  public Optional<CompatibilityLevel> subjectLevel(String subject) {
    return state.subjectLevel(subject);
  }

  /** The level that applies to {@code subject}: its own or the global one. */
  public CompatibilityLevel effectiveLevel(String subject) {
    return state.effectiveLevel(subject);
  }

  /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
  public void setLevel(String subject, CompatibilityLevel level) {
    synchronized (writeLock) {
      catchUp();
      write(new ConfigKey(subject), new ConfigValue(level));
      log.info("Compatibility level of {} set to {}", subject == null ? "the registry" : "subject '" + subject + "'",
          level);
    }
  }

  private void catchUp() {
    try {
      store.catchUp();
    } catch (StoreException e) {
      throw storeFailure("waiting for earlier registry writes", e);
    }
  }

  private void write(StoreKey key, StoreValue value) {
    try {
      store.write(key, value);
    } catch (StoreException e) {
      throw storeFailure("storing " + key, e);
    }
  }

  private static RegistryError storeFailure(String what, StoreException e) {
    return e.isTimeout()
        ? RegistryError.operationTimeout("Timed out " + what + ": " + e.getMessage(), e)
        : RegistryError.storeError("Error in the backend data store while " + what + ": " + e.getMessage(), e);
  }
}
