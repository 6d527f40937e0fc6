package io.kefu.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.registry.store.ConfigKey;
import io.kefu.registry.store.ConfigValue;
import io.kefu.registry.store.SchemaKey;
import io.kefu.registry.store.SchemaValue;
import io.kefu.serde.CompatibilityLevel;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
  private static final String INT = "{\"type\": \"int\"}";
  private static final String RECORD = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

  private final RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);

  private void schema(String subject, int version, int id, String text, boolean deleted, String type) {
    state.onRecord(new SchemaKey(subject, version), new SchemaValue(subject, version, id, text, deleted), type);
  }

  @Test
  void shouldServeSubjectsVersionsAndIdsFromAppliedRecords() {
    // Given two subjects sharing one schema
    schema("b", 1, 1, INT, false, "AVRO");
    schema("a", 1, 1, INT, false, "AVRO");
    schema("a", 2, 2, RECORD, false, "AVRO");

    // Then subjects are sorted, versions ascending, and ids resolve
    assertThat(state.subjects()).containsExactly("a", "b");
    assertThat(state.versions("a")).extracting(RegisteredSchema::version).containsExactly(1, 2);
    assertThat(state.version("a", VersionId.LATEST)).get().extracting(RegisteredSchema::id).isEqualTo(2);
    assertThat(state.version("a", new VersionId(1))).get().extracting(RegisteredSchema::schemaText)
        .isEqualTo("\"int\"");
    assertThat(state.idOf(new Schema.Parser().parse("\"int\""))).hasValue(1);
    assertThat(state.highestId()).isEqualTo(2);
    assertThat(state.highestVersion("a")).isEqualTo(2);
    assertThat(state.find("b", new Schema.Parser().parse(RECORD))).isEmpty();
  }

  @Test
  void shouldHideDeletedVersionsButKeepTheirIdsAndNumbers() {
    // Given a version soft-deleted by another registry, and a tombstoned one
    schema("a", 1, 1, INT, false, "AVRO");
    schema("a", 2, 2, RECORD, true, "AVRO");
    schema("c", 1, 1, INT, false, "AVRO");
    state.onRecord(new SchemaKey("c", 1), null, null);

    // Then the versions are gone from their subjects, while ids and version numbers stay taken
    assertThat(state.versions("a")).extracting(RegisteredSchema::version).containsExactly(1);
    assertThat(state.subjects()).containsExactly("a");
    assertThat(state.schemaById(2)).isPresent();
    assertThat(state.highestVersion("a")).isEqualTo(2);
  }

  @Test
  void shouldIgnoreSchemasThatAreNotAvroOrNotParsable() {
    schema("p", 1, 5, "syntax = \"proto3\";", false, "PROTOBUF");
    schema("q", 1, 6, "{not a schema", false, "AVRO");

    assertThat(state.subjects()).isEmpty();
    assertThat(state.schemaById(5)).isEmpty();
    assertThat(state.highestId()).isZero();
  }

  @Test
  void shouldResolveLevelsFromSubjectThenGlobalThenDefault() {
    assertThat(state.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);

    state.onRecord(ConfigKey.global(), new ConfigValue(CompatibilityLevel.FULL), null);
    state.onRecord(new ConfigKey("s"), new ConfigValue(CompatibilityLevel.NONE), null);

    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(state.effectiveLevel("t")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(state.subjectLevel("t")).isEmpty();

    state.onRecord(new ConfigKey("s"), null, null);
    assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.FULL);
  }
}
