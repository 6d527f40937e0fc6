package io.kefu.registry;

import static io.kefu.registry.TestSchemas.ORDER_BREAKING;
import static io.kefu.registry.TestSchemas.ORDER_V1;
import static io.kefu.registry.TestSchemas.ORDER_V1_REFORMATTED;
import static io.kefu.registry.TestSchemas.ORDER_V2;
import static io.kefu.registry.TestSchemas.T1;
import static io.kefu.registry.TestSchemas.T2;
import static io.kefu.registry.TestSchemas.T3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.serde.RestSchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClient.SubjectVersion;
import io.kefu.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry as Kefu's own HTTP client sees it, against a real embedded broker. */
class EmbeddedSchemaRegistryClientIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private EmbeddedSchemaRegistry registry;
  private RestSchemaRegistryClient client;

  @BeforeEach
  void startRegistry(TestInfo test) {
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(kafka.broker().clientProperties())
        .optTopic("_schemas-" + test.getTestMethod().orElseThrow().getName())
        .optTopicReplication((short) 1)
        .build());
    registry.start();
    client = new RestSchemaRegistryClient(registry.url());
  }

  @AfterEach
  void stopRegistry() {
    client.close();
    registry.stop();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static void assertErrorCode(Runnable call, int httpStatus, int errorCode) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
      assertThat(e.httpStatus()).as(e.getMessage()).isEqualTo(httpStatus);
      assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(errorCode);
    });
  }

  @Test
  void shouldRegisterLookUpAndFetchSchemasThroughTheClient() {
    // When two versions are registered
    int first = client.register("orders-value", parse(ORDER_V1));
    int second = client.register("orders-value", parse(ORDER_V2));

    // Then the client sees them by id, by subject and version, and by lookup
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(client.getById(1)).isEqualTo(parse(ORDER_V1));
    assertThat(client.subjects()).containsExactly("orders-value");
    assertThat(client.versions("orders-value")).containsExactly(1, 2);
    assertThat(client.version("orders-value", -1)).isEqualTo(new SubjectVersion("orders-value", 2, 2, parse(ORDER_V2)));
    assertThat(client.version("orders-value", 1)).isEqualTo(new SubjectVersion("orders-value", 1, 1, parse(ORDER_V1)));
    assertThat(client.lookup("orders-value", parse(ORDER_V1_REFORMATTED))).isEqualTo(1);
  }

  @Test
  void shouldShareIdsAcrossSubjectsAndKeepOneVersionPerSchema() {
    client.register("a-value", parse(ORDER_V1));
    try (RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(registry.url())) {
      // A second client without cache registers the same schema again and under another subject
      assertThat(fresh.register("a-value", parse(ORDER_V1_REFORMATTED))).isEqualTo(1);
      assertThat(fresh.register("b-value", parse(ORDER_V1))).isEqualTo(1);
      assertThat(fresh.versions("a-value")).containsExactly(1);
      assertThat(fresh.subjects()).containsExactly("a-value", "b-value");
    }
  }

  @Test
  void shouldSurfaceConfluentErrorCodesAsClientExceptions() {
    client.register("orders-value", parse(ORDER_V1));

    assertErrorCode(() -> client.register("orders-value", parse(ORDER_BREAKING)), 409, 409);
    assertErrorCode(() -> client.versions("nobody"), 404, 40401);
    assertErrorCode(() -> client.version("orders-value", 7), 404, 40402);
    assertErrorCode(() -> client.getById(42), 404, 40403);
    assertErrorCode(() -> client.lookup("orders-value", parse(ORDER_V2)), 404, 40403);
    assertErrorCode(() -> client.lookup("nobody", parse(ORDER_V2)), 404, 40401);
    assertErrorCode(() -> client.setCompatibility(null, "SIDEWAYS"), 422, 42203);
  }

  @Test
  void shouldReadAndSetCompatibilityLevelsAndCheckSchemas() {
    // Given a subject with two versions and a transitive level
    client.register("t", parse(T1));
    client.register("t", parse(T2));
    client.setCompatibility("t", "BACKWARD_TRANSITIVE");
    client.setCompatibility(null, "FORWARD");

    // Then levels read back, the subject's own first
    assertThat(client.compatibility(null)).isEqualTo("FORWARD");
    assertThat(client.compatibility("t")).isEqualTo("BACKWARD_TRANSITIVE");
    assertThat(client.compatibility("other")).isEqualTo("FORWARD");

    // And the latest version accepts T3 while registration, checked against every version, refuses it
    assertThat(client.isCompatibleWithLatest("t", parse(T3))).isTrue();
    assertThat(client.isCompatibleWithLatest("nobody", parse(T3))).isTrue();
    assertErrorCode(() -> client.register("t", parse(T3)), 409, 409);
    assertThat(client.versions("t")).isEqualTo(List.of(1, 2));
  }
}
