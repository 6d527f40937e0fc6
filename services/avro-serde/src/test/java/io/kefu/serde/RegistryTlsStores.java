package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 and localhost in a PKCS12 key store and a trust store holding it, made
 * with the JDK's keytool when a test needs an https registry (no key material is kept in the repository).
 *
 * @param keyStore the server's key store
 * @param trustStore the trust store a client is given
 * @param password the password of both stores and of the key
 */
record RegistryTlsStores(Path keyStore, Path trustStore, String password) {
  private static final String PASSWORD = "registry-client-test";

  /** Writes {@code registry-keystore.p12} and {@code registry-truststore.p12} into {@code directory}. */
  static RegistryTlsStores create(Path directory) throws IOException, InterruptedException {
    Path keyStore = directory.resolve("registry-keystore.p12");
    Path certificate = directory.resolve("registry.pem");
    Path trustStore = directory.resolve("registry-truststore.p12");
    keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=registry-client-test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    return new RegistryTlsStores(keyStore, trustStore, PASSWORD);
  }

  /** A server-side TLS context presenting the certificate of {@link #keyStore()}. */
  SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
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
