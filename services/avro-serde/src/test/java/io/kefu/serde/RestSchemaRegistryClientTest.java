package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the exact requests {@link RestSchemaRegistryClient} sends (method, path, headers, body) and how it reads the
 * responses the Confluent Schema Registry API reference documents, against a recording HTTP server.
 */
class RestSchemaRegistryClientTest {

  private static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final Schema ORDER = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.kefu.test\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingHttpServer server;
  private RestSchemaRegistryClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new RecordingHttpServer();
    client = new RestSchemaRegistryClient(server.url());
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  /** The JSON string literal of {@code text}, as the registry writes it inside a response body. */
  private static String quoted(String text) throws IOException {
    return JSON.writeValueAsString(text);
  }

  private static void assertJsonBody(RecordingHttpServer.Request request, String expectedJson) throws IOException {
    assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(expectedJson));
  }

  @Test
  void shouldRegisterWithPostToSubjectVersionsAndCacheTheId() throws IOException {
    // Given the registry answers registration of orders-value with id 7
    server.answer("POST", "/subjects/orders-value/versions", 200, "{\"id\":7}");

    // When the same schema is registered twice
    int first = client.register("orders-value", ORDER);
    int second = client.register("orders-value", ORDER);

    // Then one request was sent, with the v1 content type and {"schema": "..."} as body
    assertThat(first).isEqualTo(7);
    assertThat(second).isEqualTo(7);
    assertThat(server.requests()).hasSize(1);
    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/subjects/orders-value/versions");
    assertThat(request.headers()).containsEntry("content-type", V1_JSON).containsEntry("accept", V1_JSON)
        .doesNotContainKey("authorization");
    assertJsonBody(request, "{\"schema\":" + quoted(ORDER.toString()) + "}");
    // And the registered schema is known by its id without asking
    assertThat(client.getById(7)).isEqualTo(ORDER);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldLookUpWithPostToTheSubject() throws IOException {
    server.answer("POST", "/subjects/orders-value", 200, "{\"subject\":\"orders-value\",\"id\":3,\"version\":2,"
        + "\"schema\":" + quoted(ORDER.toString()) + "}");

    int id = client.lookup("orders-value", ORDER);

    assertThat(id).isEqualTo(3);
    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.method() + " " + request.target()).isEqualTo("POST /subjects/orders-value");
    assertThat(request.headers()).containsEntry("content-type", V1_JSON);
    assertJsonBody(request, "{\"schema\":" + quoted(ORDER.toString()) + "}");
  }

  @Test
  void shouldFetchASchemaByIdOnceAndThenServeItFromCache() throws IOException {
    server.answer("GET", "/schemas/ids/1", 200, "{\"schema\":" + quoted(ORDER.toString()) + "}");

    Schema first = client.getById(1);
    Schema second = client.getById(1);

    assertThat(first).isEqualTo(ORDER);
    assertThat(second).isSameAs(first);
    assertThat(server.requests()).hasSize(1);
    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.method() + " " + request.target()).isEqualTo("GET /schemas/ids/1");
    assertThat(request.headers()).containsEntry("accept", V1_JSON).doesNotContainKey("content-type");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void shouldListSubjectsAndVersionsAndReadOneVersion() throws IOException {
    server.answer("GET", "/subjects", 200, "[\"orders-value\",\"feedback-value\"]")
        .answer("GET", "/subjects/orders-value/versions", 200, "[1,2,3]")
        .answer("GET", "/subjects/orders-value/versions/latest", 200, "{\"subject\":\"orders-value\",\"id\":9,"
            + "\"version\":3,\"schema\":" + quoted(ORDER.toString()) + "}")
        .answer("GET", "/subjects/orders-value/versions/2", 200, "{\"subject\":\"orders-value\",\"id\":8,"
            + "\"version\":2,\"schema\":" + quoted(ORDER.toString()) + "}");

    assertThat(client.subjects()).containsExactly("orders-value", "feedback-value");
    assertThat(client.versions("orders-value")).containsExactly(1, 2, 3);
    assertThat(client.version("orders-value", -1))
        .isEqualTo(new SchemaRegistryClient.SubjectVersion("orders-value", 3, 9, ORDER));
    assertThat(client.version("orders-value", 2))
        .isEqualTo(new SchemaRegistryClient.SubjectVersion("orders-value", 2, 8, ORDER));
    assertThat(server.requests()).extracting(r -> r.method() + " " + r.target()).containsExactly(
        "GET /subjects", "GET /subjects/orders-value/versions", "GET /subjects/orders-value/versions/latest",
        "GET /subjects/orders-value/versions/2");
  }

  @Test
  void shouldPercentEncodeSubjectsAsOnePathSegment() {
    server.answer("GET", "/subjects/orders%20v%2F2-value/versions", 200, "[1]");

    assertThat(client.versions("orders v/2-value")).containsExactly(1);
    assertThat(RestSchemaRegistryClient.encode("a+b:é")).isEqualTo("a%2Bb%3A%C3%A9");
  }

  @Test
  void shouldAskCompatibilityWithTheLatestVersion() throws IOException {
    server.answer("POST", "/compatibility/subjects/orders-value/versions/latest", 200, "{\"is_compatible\":false}")
        .answer("POST", "/compatibility/subjects/new-value/versions/latest", 404,
            "{\"error_code\":40401,\"message\":\"Subject 'new-value' not found.\"}");

    assertThat(client.isCompatibleWithLatest("orders-value", ORDER)).isFalse();
    // A subject with no versions accepts any first schema
    assertThat(client.isCompatibleWithLatest("new-value", ORDER)).isTrue();
    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers()).containsEntry("content-type", V1_JSON);
    assertJsonBody(request, "{\"schema\":" + quoted(ORDER.toString()) + "}");
  }

  @Test
  void shouldReadAndWriteGlobalAndSubjectCompatibilityLevels() throws IOException {
    server.answer("GET", "/config", 200, "{\"compatibilityLevel\":\"BACKWARD\"}")
        .answer("PUT", "/config", 200, "{\"compatibility\":\"FULL\"}")
        .answer("GET", "/config/orders-value?defaultToGlobal=true", 200, "{\"compatibilityLevel\":\"FORWARD\"}")
        .answer("PUT", "/config/orders-value", 200, "{\"compatibility\":\"NONE\"}");

    assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
    client.setCompatibility(null, "full");
    assertThat(client.compatibility("orders-value")).isEqualTo("FORWARD");
    client.setCompatibility("orders-value", "NONE");

    List<RecordingHttpServer.Request> requests = server.requests();
    assertThat(requests).extracting(r -> r.method() + " " + r.target()).containsExactly(
        "GET /config", "PUT /config", "GET /config/orders-value?defaultToGlobal=true", "PUT /config/orders-value");
    assertJsonBody(requests.get(1), "{\"compatibility\":\"FULL\"}");
    assertJsonBody(requests.get(3), "{\"compatibility\":\"NONE\"}");
    assertThat(requests.get(1).headers()).containsEntry("content-type", V1_JSON);
  }

  @Test
  void shouldFallBackToTheGlobalLevelWhenTheSubjectHasNone() {
    server.answer("GET", "/config/orders-value?defaultToGlobal=true", 404,
            "{\"error_code\":40408,\"message\":\"Subject 'orders-value' does not have subject-level compatibility"
                + " configured\"}")
        .answer("GET", "/config", 200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

    assertThat(client.compatibility("orders-value")).isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void shouldRefuseAnUnknownLevelWithoutAskingTheRegistry() {
    assertThatThrownBy(() -> client.setCompatibility("orders-value", "SIDEWAYS"))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldTurnConfluentErrorBodiesIntoSchemaRegistryExceptions() {
    server.answer("GET", "/schemas/ids/42", 404, "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}")
        .answer("POST", "/subjects/orders-value/versions", 409, "{\"error_code\":409,\"message\":"
            + "\"Schema being registered is incompatible with an earlier schema for subject \\\"orders-value\\\"\"}")
        .answer("GET", "/subjects/missing-value/versions/1", 404,
            "{\"error_code\":40401,\"message\":\"Subject 'missing-value' not found.\"}")
        .answer("POST", "/subjects/orders-value", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

    assertThatThrownBy(() -> client.getById(42)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.errorCode()).isEqualTo(40403);
      assertThat(e.getMessage()).isEqualTo("Schema 42 not found (http 404, error_code 40403)");
    });
    assertThatThrownBy(() -> client.register("orders-value", ORDER))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageStartingWith("Schema being registered is incompatible with an earlier schema for subject"
            + " \"orders-value\"");
    assertThatThrownBy(() -> client.version("missing-value", 1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> client.lookup("orders-value", ORDER))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void shouldKeepTheHttpStatusWhenTheErrorBodyIsNotFromARegistry() {
    server.answer("GET", "/subjects", 502, "<html>Bad gateway</html>");

    assertThatThrownBy(() -> client.subjects())
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(502);
          assertThat(e.errorCode()).isEqualTo(502);
        })
        .hasMessageContaining("answered HTTP 502 without a registry error body: <html>Bad gateway</html>");
  }

  @Test
  void shouldRefuseSchemasThatAreNotAvro() {
    server.answer("GET", "/schemas/ids/5", 200,
        "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; message M {}\"}");

    assertThatThrownBy(() -> client.getById(5))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA))
        .hasMessageContaining("GET /schemas/ids/5 returned a PROTOBUF schema");
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() {
    server.answer("GET", "/subjects", 200, "[]");
    RestSchemaRegistryClient withAuth = new RestSchemaRegistryClient(SchemaRegistryClientSettings.fromConfig(Map.of(
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        KefuAvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        KefuAvroSerdeConfig.BASIC_AUTH_USER_INFO, "kefu:s3cret")));

    assertThat(withAuth.subjects()).isEmpty();

    // base64("kefu:s3cret")
    assertThat(server.requests().get(0).headers()).containsEntry("authorization", "Basic a2VmdTpzM2NyZXQ=");
  }

  @Test
  void shouldSendBasicAuthFromTheUrlByDefaultAndKeepItOutOfTheRequestLine() {
    server.answer("GET", "/subjects", 200, "[]");
    String url = server.url().replace("http://", "http://kefu:s3cret@");
    RestSchemaRegistryClient withAuth = new RestSchemaRegistryClient(url);

    assertThat(withAuth.subjects()).isEmpty();

    assertThat(server.requests().get(0).headers()).containsEntry("authorization", "Basic a2VmdTpzM2NyZXQ=");
    assertThat(withAuth.settings().toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldTryTheNextUrlWhenOneCannotBeReached() throws IOException {
    server.answer("GET", "/subjects", 200, "[\"a-value\"]");
    String deadUrl = "http://127.0.0.1:" + closedPort();
    RestSchemaRegistryClient failover = new RestSchemaRegistryClient(deadUrl + ", " + server.url() + "/");

    assertThat(failover.subjects()).containsExactly("a-value");
    assertThat(failover.subjects()).containsExactly("a-value");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldFailWithTheCauseWhenNoUrlCanBeReached() throws IOException {
    RestSchemaRegistryClient dead = new RestSchemaRegistryClient("http://127.0.0.1:" + closedPort());

    assertThatThrownBy(dead::subjects)
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageStartingWith("schema registry request GET /subjects failed on every URL")
        .hasCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void shouldGiveUpOnAResponseThatTakesLongerThanTheReadTimeout() {
    server.goSilent();
    RestSchemaRegistryClient impatient = new RestSchemaRegistryClient(SchemaRegistryClientSettings.fromConfig(Map.of(
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        KefuAvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "300")));

    assertThatThrownBy(impatient::subjects)
        .isInstanceOf(SchemaRegistryException.class)
        .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(impatient.settings().requestTimeout()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void shouldTrustAnHttpsRegistryThroughTheConfiguredTrustStore(@TempDir Path stores) throws Exception {
    // Given an https registry whose self-signed certificate is only in the test trust store
    RegistryTlsStores tlsStores = RegistryTlsStores.create(stores);
    try (RecordingHttpServer tls = new RecordingHttpServer(tlsStores.serverContext().getServerSocketFactory())) {
      tls.answer("GET", "/subjects", 200, "[\"secure-value\"]");
      Map<String, Object> configs = new HashMap<>();
      configs.put(KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, tls.url("https"));
      configs.put(KefuAvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, tlsStores.trustStore().toString());
      configs.put(KefuAvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, tlsStores.password());
      configs.put(KefuAvroSerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");

      // When a client with the trust store asks, and one without it
      SchemaRegistryClient trusting = SchemaRegistryClients.fromConfig(configs);
      RestSchemaRegistryClient untrusting = new RestSchemaRegistryClient(tls.url("https"));

      // Then only the first gets an answer
      assertThat(trusting.subjects()).containsExactly("secure-value");
      assertThatThrownBy(untrusting::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      // the server answered exactly one request: the untrusting client never got as far as sending one
      assertThat(tls.requests()).hasSize(1);
    }
  }

  @Test
  void shouldNameTheKeyOfAMissingOrMalformedSetting() {
    assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> SchemaRegistryClientSettings.forUrls("ftp://registry:8081"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ftp://registry:8081' must be an http:// or https:// URL with a host");
    assertThatThrownBy(() -> SchemaRegistryClientSettings.fromConfig(Map.of(
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
        KefuAvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info");
    assertThatThrownBy(() -> SchemaRegistryClientSettings.fromConfig(Map.of(
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
        KefuAvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.read.timeout.ms");
    assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT, "not a client")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kefu.schema.registry.client");
  }

  @Test
  void shouldReadSeveralUrlsWithoutTrailingSlashesOrUserInfo() {
    SchemaRegistryClientSettings settings =
        SchemaRegistryClientSettings.forUrls(" http://a:8081/ ,https://u:p@b.example:8443/registry/");

    assertThat(settings.baseUrls()).extracting(Object::toString)
        .containsExactly("http://a:8081", "https://b.example:8443/registry");
    assertThat(settings.basicAuthUserInfo()).contains("u:p");
    assertThat(settings.connectTimeout()).isEqualTo(SchemaRegistryClientSettings.DEFAULT_CONNECT_TIMEOUT);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
