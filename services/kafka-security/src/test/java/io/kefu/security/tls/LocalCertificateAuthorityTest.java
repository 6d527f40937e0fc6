package io.kefu.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA made with keytool: files, chain, names, and a real TLS handshake with host name verification. */
class LocalCertificateAuthorityTest {
  @TempDir
  static Path directory;
  private static LocalCertificateAuthority authority;
  private static StoreFile server;

  @BeforeAll
  static void issue() {
    authority = LocalCertificateAuthority.create(directory.resolve("tls"), 2);
    server = authority.issueServerCertificate("kafka", List.of("localhost", "127.0.0.1"));
  }

  private static KeyStore open(StoreFile file) throws Exception {
    KeyStore store = KeyStore.getInstance(file.type());
    try (InputStream in = Files.newInputStream(file.location())) {
      store.load(in, file.password().toCharArray());
    }
    return store;
  }

  @Test
  void shouldWriteTheCaTheTrustStoreAndTheServerKeyStoreWithOwnerOnlyKeysAndNoLeftovers() throws Exception {
    Path tls = directory.resolve("tls");
    try (var files = Files.list(tls)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.p12", "ca.pem", "truststore.p12", "kafka.p12");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("ca.p12"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.location())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(authority.certificatePem())).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(server.password()).matches("[A-Za-z0-9]{24}").isNotEqualTo(authority.trustStore().password());
  }

  @Test
  void shouldSignTheServerCertificateWithTheCaForItsHostsAndPutTheChainInItsKeyStore() throws Exception {
    KeyStore keyStore = open(server);
    Certificate[] chain = keyStore.getCertificateChain("kafka");

    assertThat(chain).hasSize(2);
    X509Certificate leaf = (X509Certificate) chain[0];
    assertThat(chain[1]).isEqualTo(authority.certificate());
    leaf.verify(authority.certificate().getPublicKey());
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=kafka,O=Kefu");
    assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
        List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(authority.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    KeyStore trustStore = open(authority.trustStore());
    assertThat(trustStore.isCertificateEntry("kefu-local-ca")).isTrue();
    assertThat(trustStore.size()).isEqualTo(1);
  }

  @Test
  void shouldLetAClientThatTrustsOnlyTheCaVerifyTheServerByItsIpAddress() throws Exception {
    // Given a TLS server with the issued key store, and a client whose only trust is the CA
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(open(server), server.password().toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(open(authority.trustStore()));
    SSLContext clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);

    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) listener.accept(); InputStream in = accepted.getInputStream()) {
          return in.read();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });

      // When the client connects to 127.0.0.1 with HTTPS host name verification and sends a byte
      try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
          .createSocket("127.0.0.1", listener.getLocalPort())) {
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        client.startHandshake();
        OutputStream out = client.getOutputStream();
        out.write(42);
        out.flush();

        // Then the handshake verified the server and the byte arrived
        assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(open(server).getCertificate("kafka"));
        assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(42);
      }
    }
  }

  @Test
  void shouldRejectMalformedNamesHostsAndASecondCaInTheSameDirectory() {
    assertThatThrownBy(() -> authority.issueServerCertificate("Kafka Broker", List.of("localhost")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("certificate name must be lower-case letters, digits and '-' (not 'ca' or 'truststore'),"
            + " was 'Kafka Broker'");
    assertThatThrownBy(() -> authority.issueServerCertificate("registry", List.of("local host")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host must be a host name or IP address, was 'local host'");
    assertThatThrownBy(() -> authority.issueServerCertificate("kafka", List.of("localhost")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a certificate named 'kafka' was issued already: ");
    assertThatThrownBy(() -> LocalCertificateAuthority.create(directory.resolve("tls")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("ca.p12 exists already; a local CA is created once in an empty directory");
  }
}
