package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The truth table of every level over small schema histories, oldest first. Each history's last schema is the
 * candidate; the ones before it are the subject's previous versions.
 */
class CompatibilityCheckerTest {

  private static Schema record(String fieldsJson) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fieldsJson + "]}");
  }

  private static final Schema A = record("{\"name\":\"a\",\"type\":\"int\"}");
  private static final Schema A_B_WITH_DEFAULT =
      record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
  private static final Schema A_B_WITHOUT_DEFAULT =
      record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");
  private static final Schema A_AS_STRING = record("{\"name\":\"a\",\"type\":\"string\"}");

  /** Named histories: previous versions oldest first, then the candidate. */
  private static final Map<String, List<Schema>> HISTORIES = Map.of(
      // Adding a field with a default: both directions read each other.
      "addFieldWithDefault", List.of(A, A_B_WITH_DEFAULT),
      // Adding a field without a default: the new reader has nothing to fill it with from old data.
      "addFieldWithoutDefault", List.of(A, A_B_WITHOUT_DEFAULT),
      // Removing a field that has no default: old readers cannot fill it from new data.
      "removeFieldWithoutDefault", List.of(A_B_WITHOUT_DEFAULT, A),
      // Changing a type int -> string: nobody reads anybody.
      "changeType", List.of(A, A_AS_STRING),
      // The latest (A_B_WITH_DEFAULT) is fine to read, but version 1 (A) lacks b and the candidate has no default.
      "backwardOnlyAgainstLatest", List.of(A, A_B_WITH_DEFAULT, A_B_WITHOUT_DEFAULT),
      // Dropping b: the latest has a default for b (fine both ways), version 1 does not (its readers need b).
      "forwardAndFullOnlyAgainstLatest", List.of(A_B_WITHOUT_DEFAULT, A_B_WITH_DEFAULT, A),
      // A first version has nothing to be compared with.
      "firstVersion", List.of(A_AS_STRING));

  @ParameterizedTest(name = "{0}: NONE={1} BACKWARD={2} BACKWARD_TRANSITIVE={3} FORWARD={4} FORWARD_TRANSITIVE={5} FULL={6} FULL_TRANSITIVE={7}")
  @CsvSource({
      // history,                NONE, BACKWARD, BACKWARD_T, FORWARD, FORWARD_T, FULL, FULL_T
      "addFieldWithDefault,       true, true,     true,       true,    true,      true,  true",
      "addFieldWithoutDefault,    true, false,    false,      true,    true,      false, false",
      "removeFieldWithoutDefault, true, true,     true,       false,   false,     false, false",
      "changeType,                true, false,    false,      false,   false,     false, false",
      "backwardOnlyAgainstLatest, true, true,     false,      true,    true,      true,  false",
      "forwardAndFullOnlyAgainstLatest, true, true, true,       true,    false,     true,  false",
      "firstVersion,              true, true,     true,       true,    true,      true,  true",
  })
  void shouldDecideEachLevelAsConfluentSchemaRegistryDoes(String history, boolean none, boolean backward,
      boolean backwardTransitive, boolean forward, boolean forwardTransitive, boolean full, boolean fullTransitive) {
    // Given a history whose last schema is the candidate
    List<Schema> schemas = HISTORIES.get(history);
    Schema candidate = schemas.get(schemas.size() - 1);
    List<Schema> previous = schemas.subList(0, schemas.size() - 1);

    // Then each level decides as the table says
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.NONE, candidate, previous)).isEqualTo(none);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.BACKWARD, candidate, previous))
        .isEqualTo(backward);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, previous))
        .isEqualTo(backwardTransitive);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.FORWARD, candidate, previous))
        .isEqualTo(forward);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.FORWARD_TRANSITIVE, candidate, previous))
        .isEqualTo(forwardTransitive);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.FULL, candidate, previous)).isEqualTo(full);
    assertThat(CompatibilityChecker.isCompatible(CompatibilityLevel.FULL_TRANSITIVE, candidate, previous))
        .isEqualTo(fullTransitive);
  }

  @Test
  void shouldExplainWhichPreviousVersionBreaksATransitiveCheck() {
    // Given version 1 without b, version 2 with b defaulted, and a candidate needing b without default
    List<Schema> previous = List.of(A, A_B_WITH_DEFAULT);

    // When checked BACKWARD_TRANSITIVE
    CompatibilityChecker.Result result =
        CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, A_B_WITHOUT_DEFAULT, previous);

    // Then exactly one problem is reported, against version 1, naming the missing default of field b
    assertThat(result.compatible()).isFalse();
    assertThat(result.messages()).hasSize(1);
    assertThat(result.messages().get(0))
        .startsWith("BACKWARD_TRANSITIVE: the new schema cannot read data written with previous schema 1 of 2:"
            + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1")
        .contains("b");
  }

  @Test
  void shouldReportNoMessagesWhenCompatible() {
    CompatibilityChecker.Result result =
        CompatibilityChecker.check(CompatibilityLevel.FULL_TRANSITIVE, A_B_WITH_DEFAULT, List.of(A));

    assertThat(result).isEqualTo(new CompatibilityChecker.Result(true, List.of()));
  }
}
