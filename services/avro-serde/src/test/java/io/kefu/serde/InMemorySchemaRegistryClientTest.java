package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

  private static final Schema V1 = parse("{\"name\":\"a\",\"type\":\"int\"}");
  private static final Schema V2 = parse("{\"name\":\"a\",\"type\":\"int\"},"
      + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
  private static final Schema NEEDS_C = parse("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"long\"}");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private static Schema parse(String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  private static void assertRegistryError(ThrowingCallable call, int httpStatus, int errorCode) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).as("http status").isEqualTo(httpStatus);
          assertThat(e.errorCode()).as("error_code").isEqualTo(errorCode);
        });
  }

  @Test
  void shouldAssignGlobalIdsFromOneAndVersionsFromOnePerSubject() {
    // When two schemas go to one subject and a third to another
    int first = registry.register("orders-value", V1);
    int second = registry.register("orders-value", V2);
    int third = registry.register("feedback-value", Feedback.getClassSchema());

    // Then ids count from 1 globally and versions from 1 per subject
    assertThat(List.of(first, second, third)).containsExactly(1, 2, 3);
    assertThat(registry.versions("orders-value")).containsExactly(1, 2);
    assertThat(registry.versions("feedback-value")).containsExactly(1);
    assertThat(registry.version("orders-value", 2)).isEqualTo(
        new SchemaRegistryClient.SubjectVersion("orders-value", 2, 2, V2));
    assertThat(registry.subjects()).containsExactly("feedback-value", "orders-value");
  }

  @Test
  void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
    int first = registry.register("orders-value", V1);
    registry.register("orders-value", V2);

    // When V1 is registered again, although it is no longer the latest
    int again = registry.register("orders-value", V1);

    // Then it keeps its id and no version is added
    assertThat(again).isEqualTo(first);
    assertThat(registry.versions("orders-value")).containsExactly(1, 2);
  }

  @Test
  void shouldShareTheGlobalIdOfASchemaAcrossSubjectsWithItsOwnVersionNumber() {
    registry.register("a-value", V2);
    registry.register("b-value", V1);

    // When the schema already known as id 2 goes to a third subject
    int id = registry.register("c-value", V1);

    // Then it keeps global id 2 and is version 1 there
    assertThat(id).isEqualTo(2);
    assertThat(registry.version("c-value", -1)).isEqualTo(new SchemaRegistryClient.SubjectVersion("c-value", 1, 2, V1));
    assertThat(registry.getById(2)).isEqualTo(V1);
  }

  @Test
  void shouldRefuseABackwardIncompatibleSchemaWith409ByDefault() {
    registry.register("orders-value", V1);

    // When a schema needing a new field without default is registered under the default level
    assertRegistryError(() -> registry.register("orders-value", NEEDS_C), 409, 409);

    // Then nothing was added
    assertThat(registry.versions("orders-value")).containsExactly(1);
    assertThat(registry.compatibility("orders-value")).isEqualTo("BACKWARD");
  }

  @Test
  void shouldAcceptAnySchemaUnderNone() {
    registry.register("orders-value", V1);
    registry.setCompatibility("orders-value", "NONE");

    assertThat(registry.register("orders-value", NEEDS_C)).isEqualTo(2);
  }

  @Test
  void shouldLetASubjectLevelOverrideTheGlobalLevel() {
    registry.setCompatibility(null, "FORWARD");
    registry.setCompatibility("orders-value", "full_transitive");

    assertThat(registry.compatibility(null)).isEqualTo("FORWARD");
    assertThat(registry.compatibility("orders-value")).isEqualTo("FULL_TRANSITIVE");
    assertThat(registry.compatibility("other-value")).isEqualTo("FORWARD");
  }

  @Test
  void shouldCheckCompatibilityWithTheLatestVersionOnly() {
    registry.register("orders-value", V1);
    registry.register("orders-value", V2);

    assertThat(registry.isCompatibleWithLatest("orders-value", V1)).isTrue();
    assertThat(registry.isCompatibleWithLatest("orders-value", NEEDS_C)).isFalse();
    assertThat(registry.isCompatibleWithLatest("new-subject-value", NEEDS_C)).isTrue();
  }

  @Test
  void shouldAnswerLookupsWithoutRegistering() {
    int id = registry.register("orders-value", V1);

    assertThat(registry.lookup("orders-value", V1)).isEqualTo(id);
    assertRegistryError(() -> registry.lookup("orders-value", V2), 404, 40403);
    assertRegistryError(() -> registry.lookup("missing-value", V1), 404, 40401);
    assertThat(registry.versions("orders-value")).containsExactly(1);
  }

  @Test
  void shouldAnswerConfluentErrorCodesForMissingThings() {
    registry.register("orders-value", V1);

    assertRegistryError(() -> registry.getById(99), 404, 40403);
    assertRegistryError(() -> registry.versions("missing-value"), 404, 40401);
    assertRegistryError(() -> registry.version("missing-value", 1), 404, 40401);
    assertRegistryError(() -> registry.version("orders-value", 7), 404, 40402);
    assertRegistryError(() -> registry.version("orders-value", 0), 422, 42202);
    assertRegistryError(() -> registry.setCompatibility(null, "SIDEWAYS"), 422, 42203);
    assertThatThrownBy(() -> registry.getById(99)).hasMessage("Schema 99 not found (http 404, error_code 40403)");
  }

  @Test
  void shouldRefuseASchemaAvroWouldNotParseBackWith42201() {
    // Given a schema read without default validation whose default does not match its type
    Schema invalidDefault = new Schema.Parser().setValidateDefaults(false).parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}");

    assertRegistryError(() -> registry.register("orders-value", invalidDefault), 422, 42201);
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void shouldGiveOneIdWhenManyThreadsRegisterTheSameSchemaAtOnce() throws Exception {
    // Given 8 threads released together
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    Set<Integer> otherIds = ConcurrentHashMap.newKeySet();
    try {
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<Integer> task = () -> {
          start.await();
          otherIds.add(registry.register("own-" + n + "-value", Feedback.getClassSchema()));
          return registry.register("shared-value", CustomerMessage.getClassSchema());
        };
        results.add(pool.submit(task));
      }

      // When they all register at once
      start.countDown();
      List<Integer> ids = new ArrayList<>();
      for (Future<Integer> result : results) {
        ids.add(result.get(10, TimeUnit.SECONDS));
      }

      // Then each schema got exactly one id, and the subject exactly one version
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(otherIds).hasSize(1).doesNotContain(ids.get(0));
      assertThat(registry.versions("shared-value")).containsExactly(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
