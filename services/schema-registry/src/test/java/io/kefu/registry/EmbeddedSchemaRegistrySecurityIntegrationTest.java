package io.kefu.registry;

import static io.kefu.registry.RawHttp.V1;
import static io.kefu.registry.TestSchemas.ORDER_V1;
import static io.kefu.registry.TestSchemas.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.serde.RestSchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClientSettings;
import io.kefu.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth and https on the registry, checked with raw requests and with Kefu's client. */
class EmbeddedSchemaRegistrySecurityIntegrationTest {
  private static final String STORE_PASSWORD = "changeit";

  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  @TempDir
  static Path keys;
  private static Path keyStore;

  @BeforeAll
  static void createServerCertificate() throws IOException, InterruptedException {
    keyStore = keys.resolve("registry.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
        "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
  }

  private static EmbeddedSchemaRegistry startRegistry(String topic, RegistryOptions.Builder options) {
    EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(options
        .setKafkaProperties(kafka.broker().clientProperties())
        .optTopic(topic)
        .optTopicReplication((short) 1)
        .build());
    registry.start();
    return registry;
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static SSLContext trusting(Path store) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      trusted.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  @Test
  void shouldRequireBasicAuthOfAConfiguredUserExceptForHealth() {
    try (EmbeddedSchemaRegistry registry = startRegistry("_schemas-auth",
        RegistryOptions.builder().optUsers(BasicAuthUsers.parse("alice:s3cret,bob:other")))) {
      // Without credentials, or with a wrong password: 401 with a challenge
      RawHttp.Response anonymous = new RawHttp(registry.url()).get("/subjects");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.contentType()).isEqualTo(V1);
      assertThat(anonymous.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
      assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"kefu-schema-registry\", charset=\"UTF-8\"");
      assertThat(new RawHttp(registry.url()).withHeader("Authorization", basic("alice:wrong")).get("/subjects")
          .status()).isEqualTo(401);

      // With a configured user: served; health needs no credentials
      RawHttp alice = new RawHttp(registry.url()).withHeader("Authorization", basic("alice:s3cret"));
      assertThat(alice.post("/subjects/orders-value/versions", body(ORDER_V1)).body()).isEqualTo("{\"id\":1}");
      assertThat(new RawHttp(registry.url()).get("/health").body()).isEqualTo("{\"status\":\"UP\"}");

      // Kefu's client authenticates with user info, and fails with 401 without it
      try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientSettings.fromConfig(
          Map.of("schema.registry.url", registry.url(), "basic.auth.credentials.source", "USER_INFO",
              "basic.auth.user.info", "bob:other")));
          RestSchemaRegistryClient anonymousClient = new RestSchemaRegistryClient(registry.url())) {
        assertThat(client.register("orders-value", new Schema.Parser().parse(ORDER_V1))).isEqualTo(1);
        assertThat(client.subjects()).isEqualTo(List.of("orders-value"));
        assertThatThrownBy(anonymousClient::subjects).isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(401));
      }
    }
  }

  @Test
  void shouldServeHttpsWithTheConfiguredKeyStore() throws Exception {
    TlsOptions tls = new TlsOptions(keyStore, STORE_PASSWORD, "PKCS12", null);
    try (EmbeddedSchemaRegistry registry = startRegistry("_schemas-tls", RegistryOptions.builder().optTls(tls))) {
      // The URL is https, and a client trusting the certificate is served
      assertThat(registry.url()).isEqualTo("https://127.0.0.1:" + registry.port());
      RawHttp https = new RawHttp(registry.url(), trusting(keyStore));
      assertThat(https.post("/subjects/orders-value/versions", body(ORDER_V1)).body()).isEqualTo("{\"id\":1}");

      // Kefu's client reaches it with the same store as trust store
      try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientSettings.fromConfig(
          Map.of("schema.registry.url", registry.url(),
              "schema.registry.ssl.truststore.location", keyStore.toString(),
              "schema.registry.ssl.truststore.password", STORE_PASSWORD,
              "schema.registry.ssl.truststore.type", "PKCS12")))) {
        assertThat(client.getById(1)).isEqualTo(new Schema.Parser().parse(ORDER_V1));
      }

      // And plain http is not served on that port
      assertThatThrownBy(() -> new RawHttp("http://127.0.0.1:" + registry.port()).get("/subjects"))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
