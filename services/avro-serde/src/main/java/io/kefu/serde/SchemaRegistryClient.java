package io.kefu.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that Kefu's serdes and tools use.
 *
 * <p>Implementations: {@link RestSchemaRegistryClient} (HTTP, works against Confluent Schema Registry,
 * Karapace, Apicurio ccompat, Redpanda and Kefu's embedded registry) and {@link InMemorySchemaRegistryClient}
 * (same rules, no server; for TopologyTestDriver tests).
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers {@code schema} under {@code subject} (or finds it if already there) and returns its global id. */
  int register(String subject, Schema schema);

  /** Returns the id of {@code schema} if it is already registered under {@code subject}; fails with 40401/40403 otherwise. */
  int lookup(String subject, Schema schema);

  /** Returns the schema with global id {@code id}; fails with 40403 when there is none. */
  Schema getById(int id);

  /** Lists every subject. */
  List<String> subjects();

  /** Lists the versions registered under {@code subject}. */
  List<Integer> versions(String subject);

  /** Returns one version of a subject; {@code version} -1 means latest. */
  SubjectVersion version(String subject, int version);

  /**
   * Asks whether {@code schema} is compatible with the latest version of {@code subject} under the subject's level;
   * true when the subject has no versions yet.
   */
  boolean isCompatibleWithLatest(String subject, Schema schema);

  /**
   * Reads the level in force for {@code subject} (its own, else the global one), or the global level when
   * {@code subject} is null; the value is a {@link CompatibilityLevel} name.
   */
  String compatibility(String subject);

  /**
   * Sets the compatibility level of {@code subject}, or the global level when {@code subject} is null; an unknown
   * level fails with 42203.
   */
  void setCompatibility(String subject, String level);

  @Override
  default void close() {}

  /** One registered version of a subject. */
  record SubjectVersion(String subject, int version, int id, Schema schema) {}
}
