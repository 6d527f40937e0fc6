package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed broker certificate for 127.0.0.1 and localhost in a PKCS12 key store, and a trust store holding it,
 * made with the JDK's keytool for the tests of this module (kafka-security issues real CA-signed ones).
 *
 * @param keyStore the broker's key store
 * @param trustStore the trust store clients and the broker use
 * @param password the password of both stores and of the key
 */
record SelfSignedStores(Path keyStore, Path trustStore, String password) {
  private static final String PASSWORD = "embedded-kafka-test";

  /** Writes {@code broker.p12} and {@code truststore.p12} into {@code directory}. */
  static SelfSignedStores create(Path directory) throws IOException, InterruptedException {
    Path keyStore = directory.resolve("broker.p12");
    Path certificate = directory.resolve("broker.pem");
    Path trustStore = directory.resolve("truststore.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=embedded-kafka-test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    return new SelfSignedStores(keyStore, trustStore, PASSWORD);
  }

  /** A security over these stores with the given admin password and no other user yet. */
  BrokerSecurity.Builder security(String adminPassword) {
    return BrokerSecurity.builder().setKeyStore(keyStore, password).setTrustStore(trustStore, password)
        .setAdminPassword(adminPassword);
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool %s finished", arguments[0]).isTrue();
    assertThat(process.exitValue())
        .as("keytool %s: %s", arguments[0], new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
  }
}
