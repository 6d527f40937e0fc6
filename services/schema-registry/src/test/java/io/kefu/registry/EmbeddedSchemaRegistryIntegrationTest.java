package io.kefu.registry;

import static io.kefu.registry.RawHttp.V1;
import static io.kefu.registry.TestSchemas.ORDER_BREAKING;
import static io.kefu.registry.TestSchemas.ORDER_V1;
import static io.kefu.registry.TestSchemas.ORDER_V1_REFORMATTED;
import static io.kefu.registry.TestSchemas.ORDER_V2;
import static io.kefu.registry.TestSchemas.T1;
import static io.kefu.registry.TestSchemas.T2;
import static io.kefu.registry.TestSchemas.T3;
import static io.kefu.registry.TestSchemas.body;
import static io.kefu.registry.TestSchemas.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry's REST API as raw HTTP, against a real embedded broker; each test has a fresh registry topic. */
class EmbeddedSchemaRegistryIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private EmbeddedSchemaRegistry registry;
  private RawHttp http;

  @BeforeEach
  void startRegistry(TestInfo test) {
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(kafka.broker().clientProperties())
        .optTopic("_schemas-" + test.getTestMethod().orElseThrow().getName())
        .optTopicReplication((short) 1)
        .build());
    registry.start();
    http = new RawHttp(registry.url());
  }

  @AfterEach
  void stopRegistry() {
    registry.stop();
  }

  private static void assertJson(RawHttp.Response response, int status, String body) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).as("content type of %s", response).isEqualTo(V1);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void shouldGiveTheFirstSchemaIdOneAndServeItBackInCanonicalForm() {
    // When a first schema is registered
    RawHttp.Response registered = http.post("/subjects/orders-value/versions", body(ORDER_V1_REFORMATTED));

    // Then it gets id 1 and version 1, served everywhere in Avro's canonical JSON
    assertJson(registered, 200, "{\"id\":1}");
    assertJson(http.get("/schemas/ids/1"), 200, "{\"schema\":" + quoted(ORDER_V1) + "}");
    assertJson(http.get("/subjects"), 200, "[\"orders-value\"]");
    assertJson(http.get("/subjects/orders-value/versions"), 200, "[1]");
    String version1 = "{\"subject\":\"orders-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(ORDER_V1) + "}";
    assertJson(http.get("/subjects/orders-value/versions/1"), 200, version1);
    assertJson(http.get("/subjects/orders-value/versions/latest"), 200, version1);
    assertJson(http.post("/subjects/orders-value", body(ORDER_V1_REFORMATTED)), 200, version1);
  }

  @Test
  void shouldReturnTheSameIdAndNoNewVersionWhenTheSameSchemaIsRegisteredAgain() {
    // Given a registered schema
    assertJson(http.post("/subjects/orders-value/versions", body(ORDER_V1)), 200, "{\"id\":1}");

    // When the same schema, formatted differently, is registered again
    RawHttp.Response again = http.post("/subjects/orders-value/versions", body(ORDER_V1_REFORMATTED));

    // Then the id is the same and the subject still has one version
    assertJson(again, 200, "{\"id\":1}");
    assertJson(http.get("/subjects/orders-value/versions"), 200, "[1]");
  }

  @Test
  void shouldKeepTheGlobalIdOfASchemaRegisteredUnderAnotherSubject() {
    // Given two schemas under one subject
    assertJson(http.post("/subjects/orders-value/versions", body(ORDER_V1)), 200, "{\"id\":1}");
    assertJson(http.post("/subjects/orders-value/versions", body(ORDER_V2)), 200, "{\"id\":2}");

    // When the second is registered under another subject
    RawHttp.Response other = http.post("/subjects/archive-value/versions", body(ORDER_V2));

    // Then it keeps id 2 and is version 1 there
    assertJson(other, 200, "{\"id\":2}");
    assertJson(http.get("/subjects/archive-value/versions/1"), 200,
        "{\"subject\":\"archive-value\",\"version\":1,\"id\":2,\"schema\":" + quoted(ORDER_V2) + "}");
    assertJson(http.get("/subjects"), 200, "[\"archive-value\",\"orders-value\"]");
    assertJson(http.get("/subjects/orders-value/versions"), 200, "[1,2]");
  }

  @Test
  void shouldRefuseAnIncompatibleChangeUnderBackwardWith409() {
    // Given a subject at the default level, BACKWARD
    http.post("/subjects/orders-value/versions", body(ORDER_V1));

    // When a field without a default is added
    RawHttp.Response refused = http.post("/subjects/orders-value/versions", body(ORDER_BREAKING));

    // Then it is refused with 409 and nothing is stored
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).isEqualTo(V1);
    assertThat(refused.body()).startsWith("{\"error_code\":409,\"message\":\"Schema being registered is incompatible"
        + " with an earlier schema for subject \\\"orders-value\\\", details: [BACKWARD: the new schema cannot read"
        + " data written with the latest schema: READER_FIELD_MISSING_DEFAULT_VALUE");
    assertJson(http.get("/subjects/orders-value/versions"), 200, "[1]");
  }

  @Test
  void shouldRejectSchemasThatAreNotValidAvroWith42201() {
    RawHttp.Response invalid = http.post("/subjects/s/versions", body("{\"type\":\"record\",\"name\":\"R\"}"));
    assertJson(invalid, 422, "{\"error_code\":42201,\"message\":\"Invalid schema: Record has no fields: "
        + "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\"}\"}");

    assertJson(http.post("/subjects/s/versions", "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"),
        422, "{\"error_code\":42201,\"message\":\"Invalid schema: schema type PROTOBUF is not supported; this"
            + " registry stores AVRO schemas only\"}");
    assertJson(http.post("/subjects/s/versions", "{}"), 422,
        "{\"error_code\":42201,\"message\":\"Invalid schema: the request has no schema\"}");
    assertJson(http.post("/subjects/s/versions", "{\"schema\":"), 400,
        "{\"error_code\":400,\"message\":\"Request body is not valid JSON: Unexpected end-of-input within/between"
            + " Object entries\"}");
    assertJson(http.get("/subjects"), 200, "[]");
  }

  @Test
  void shouldAnswer40401ForAnUnknownSubject() {
    String notFound = "{\"error_code\":40401,\"message\":\"Subject 'nobody' not found.\"}";
    assertJson(http.get("/subjects/nobody/versions"), 404, notFound);
    assertJson(http.get("/subjects/nobody/versions/1"), 404, notFound);
    assertJson(http.get("/subjects/nobody/versions/latest"), 404, notFound);
    assertJson(http.post("/subjects/nobody", body(ORDER_V1)), 404, notFound);
  }

  @Test
  void shouldAnswer40402ForAnUnknownVersionAnd42202ForAnInvalidOne() {
    http.post("/subjects/orders-value/versions", body(ORDER_V1));

    assertJson(http.get("/subjects/orders-value/versions/2"), 404,
        "{\"error_code\":40402,\"message\":\"Version 2 not found.\"}");
    assertJson(http.get("/subjects/orders-value/versions/first"), 422, "{\"error_code\":42202,\"message\":\"The"
        + " specified version 'first' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
        + " string \\\"latest\\\"\"}");
    assertJson(http.get("/subjects/orders-value/versions/0"), 422, "{\"error_code\":42202,\"message\":\"The"
        + " specified version '0' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
        + " string \\\"latest\\\"\"}");
  }

  @Test
  void shouldAnswer40403ForAnUnknownIdOrASchemaNotUnderTheSubject() {
    http.post("/subjects/orders-value/versions", body(ORDER_V1));

    assertJson(http.get("/schemas/ids/99"), 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
    assertJson(http.post("/subjects/orders-value", body(ORDER_V2)), 404,
        "{\"error_code\":40403,\"message\":\"Schema not found\"}");
    assertJson(http.get("/schemas/ids/one"), 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
  }

  @Test
  void shouldCheckTransitiveLevelsAgainstEveryEarlierVersion() {
    // Given T1 then T2 under BACKWARD, and the subject switched to BACKWARD_TRANSITIVE
    assertJson(http.post("/subjects/t/versions", body(T1)), 200, "{\"id\":1}");
    assertJson(http.post("/subjects/t/versions", body(T2)), 200, "{\"id\":2}");
    assertJson(http.put("/config/t", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}"), 200,
        "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

    // When T3, compatible with T2 but not with T1, is tested and registered
    RawHttp.Response againstLatest = http.post("/compatibility/subjects/t/versions/latest", body(T3));
    RawHttp.Response againstAll = http.post("/compatibility/subjects/t/versions?verbose=true", body(T3));
    RawHttp.Response refused = http.post("/subjects/t/versions", body(T3));

    // Then the latest version alone accepts it, every version does not, and registration is refused
    assertJson(againstLatest, 200, "{\"is_compatible\":true}");
    assertThat(againstAll.body()).startsWith("{\"is_compatible\":false,\"messages\":[\"BACKWARD_TRANSITIVE: the new"
        + " schema cannot read data written with previous schema 1 of 2: TYPE_MISMATCH");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).startsWith("{\"error_code\":409,");

    // And under plain BACKWARD the same schema is accepted as version 3
    http.put("/config/t", "{\"compatibility\":\"BACKWARD\"}");
    assertJson(http.post("/subjects/t/versions", body(T3)), 200, "{\"id\":3}");
    assertJson(http.get("/subjects/t/versions"), 200, "[1,2,3]");
  }

  @Test
  void shouldAnswerCompatibilityChecksAsConfluentDoes() {
    // A subject without versions accepts anything against "latest", and has no numbered versions
    assertJson(http.post("/compatibility/subjects/fresh/versions/latest", body(ORDER_V1)), 200,
        "{\"is_compatible\":true}");
    assertJson(http.post("/compatibility/subjects/fresh/versions/1", body(ORDER_V1)), 404,
        "{\"error_code\":40402,\"message\":\"Version 1 not found.\"}");

    // Given one version
    http.post("/subjects/orders-value/versions", body(ORDER_V1));

    // Then a breaking change is reported incompatible, a compatible one compatible
    assertJson(http.post("/compatibility/subjects/orders-value/versions/latest", body(ORDER_BREAKING)), 200,
        "{\"is_compatible\":false}");
    assertJson(http.post("/compatibility/subjects/orders-value/versions/1", body(ORDER_V2)), 200,
        "{\"is_compatible\":true}");
    assertJson(http.post("/compatibility/subjects/orders-value/versions/latest?verbose=true", body(ORDER_V2)), 200,
        "{\"is_compatible\":true}");
    assertJson(http.post("/compatibility/subjects/orders-value/versions/latest", body("{\"type\":\"nope\"}")), 422,
        "{\"error_code\":42201,\"message\":\"Invalid schema: the schema's type is a name that is not defined\"}");
    assertJson(http.post("/compatibility/subjects/orders-value/versions", body("{\"type\":\"record\",\"name\":\"R\","
        + "\"fields\":[{\"name\":\"x\",\"type\":\"Missing\"}]}")), 422,
        "{\"error_code\":42201,\"message\":\"Invalid schema: Undefined schema: Missing\"}");
  }

  @Test
  void shouldReadAndSetGlobalAndSubjectCompatibilityLevels() {
    // Global level: BACKWARD by default, then FULL
    assertJson(http.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertJson(http.put("/config", "{\"compatibility\":\"FULL\"}"), 200, "{\"compatibility\":\"FULL\"}");
    assertJson(http.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");

    // A subject without a level of its own: 40408, unless the global level is asked for
    assertJson(http.get("/config/orders-value"), 404, "{\"error_code\":40408,\"message\":\"Subject 'orders-value'"
        + " does not have subject-level compatibility configured\"}");
    assertJson(http.get("/config/orders-value?defaultToGlobal=true"), 200, "{\"compatibilityLevel\":\"FULL\"}");

    // A subject level overrides the global one and governs registration
    assertJson(http.put("/config/orders-value", "{\"compatibility\":\"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
    assertJson(http.get("/config/orders-value"), 200, "{\"compatibilityLevel\":\"NONE\"}");
    http.post("/subjects/orders-value/versions", body(ORDER_V1));
    assertJson(http.post("/subjects/orders-value/versions", body(ORDER_BREAKING)), 200, "{\"id\":2}");

    // An unknown level is refused
    assertJson(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, "{\"error_code\":42203,\"message\":"
        + "\"Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
        + " forward_transitive, and full_transitive\"}");
    assertJson(http.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
  }

  @Test
  void shouldAcceptJsonAndOctetStreamBodiesAndNegotiateTheResponseType() {
    // Request bodies are read whatever JSON-ish type they declare
    assertJson(http.send("POST", "/subjects/a/versions", body(ORDER_V1), "application/json"), 200, "{\"id\":1}");
    assertJson(http.send("POST", "/subjects/b/versions", body(ORDER_V1), "application/octet-stream"), 200,
        "{\"id\":1}");

    // A client that accepts only application/json gets it
    RawHttp json = new RawHttp(registry.url()).withHeader("Accept", "application/json");
    RawHttp.Response subjects = json.get("/subjects");
    assertThat(subjects.contentType()).isEqualTo("application/json");
    assertThat(subjects.body()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void shouldRefuseToStartOnATopicWithMorePartitionsOrWithoutCompaction() throws Exception {
    // Given a topic with three partitions and one that deletes old records
    try (Admin admin = Admin.create(Map.copyOf(kafka.broker().clientProperties()))) {
      admin.createTopics(List.of(new NewTopic("_schemas-wide", 3, (short) 1),
          new NewTopic("_schemas-deleting", 1, (short) 1).configs(Map.of("cleanup.policy", "delete"))))
          .all().get(30, TimeUnit.SECONDS);
    }

    // When registries are started on them, then they refuse, saying why
    for (String topic : List.of("_schemas-wide", "_schemas-deleting")) {
      EmbeddedSchemaRegistry misplaced = new EmbeddedSchemaRegistry(RegistryOptions.builder()
          .setKafkaProperties(kafka.broker().clientProperties()).optTopic(topic).build());
      assertThatThrownBy(misplaced::start).isInstanceOf(IllegalStateException.class).hasMessage(
          topic.equals("_schemas-wide")
              ? "registry topic '_schemas-wide' has 3 partitions; it must have exactly 1 so that schema ids and"
                  + " versions are assigned in order"
              : "registry topic '_schemas-deleting' has cleanup.policy=delete; it must be compact alone, or old"
                  + " schemas would be deleted");
    }
  }

  @Test
  void shouldApplyRecordsThatAnotherWriterPutInTheTopicInConfluentsLayout(TestInfo test) throws Exception {
    // Given records as Confluent Schema Registry writes them: a no-op, a schema, a global level
    String topic = "_schemas-" + test.getTestMethod().orElseThrow().getName();
    Map<String, Object> props = new HashMap<>(kafka.broker().clientProperties());
    props.put("key.serializer", StringSerializer.class);
    props.put("value.serializer", StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null));
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"legacy-value\",\"version\":1,"
          + "\"magic\":1}", "{\"subject\":\"legacy-value\",\"version\":1,\"id\":21,\"references\":[],"
          + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}"));
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
          "{\"compatibilityLevel\":\"NONE\"}")).get(30, TimeUnit.SECONDS);
    }

    // When the running registry has read them, then it serves them and continues their id sequence
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertJson(http.get("/config"), 200, "{\"compatibilityLevel\":\"NONE\"}"));
    assertJson(http.get("/subjects/legacy-value/versions/latest"), 200,
        "{\"subject\":\"legacy-value\",\"version\":1,\"id\":21,\"schema\":\"\\\"string\\\"\"}");
    assertJson(http.post("/subjects/legacy-value/versions", body("\"int\"")), 200, "{\"id\":22}");
  }

  @Test
  void shouldServeSubjectsWhoseNamesNeedPercentEncoding() {
    assertJson(http.post("/subjects/io.kefu.Order%20v1/versions", body(ORDER_V1)), 200, "{\"id\":1}");

    assertJson(http.get("/subjects"), 200, "[\"io.kefu.Order v1\"]");
    assertJson(http.get("/subjects/io.kefu.Order%20v1/versions/1"), 200,
        "{\"subject\":\"io.kefu.Order v1\",\"version\":1,\"id\":1,\"schema\":" + quoted(ORDER_V1) + "}");
  }

  @Test
  void shouldAnswerUnknownRoutesAndHealthInJson() {
    assertJson(http.get("/no/such/thing"), 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    assertJson(http.get("/health"), 200, "{\"status\":\"UP\"}");
    assertJson(http.get("/"), 200, "{}");
    assertJson(http.get("/schemas/types"), 200, "[\"AVRO\"]");
  }
}
