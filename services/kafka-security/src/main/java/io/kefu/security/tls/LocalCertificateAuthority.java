package io.kefu.security.tls;

import io.kefu.security.Passwords;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A throwaway certificate authority for local runs and tests: a self-signed CA made with the JDK's {@code keytool},
 * a trust store that holds it, and server key stores signed by it, all PKCS12 with random passwords.
 *
 * <p>Files in the directory: {@code ca.p12} (the CA's private key; never hand it out), {@code ca.pem},
 * {@code truststore.p12}, and {@code <name>.p12} per issued server certificate. Key stores are readable by their
 * owner only where the file system allows it. Nothing here is meant to be committed or reused in production.
 *
 * <pre>{@code
 * LocalCertificateAuthority ca = LocalCertificateAuthority.create(directory);
 * StoreFile broker = ca.issueServerCertificate("kafka", List.of("localhost", "127.0.0.1"));
 * StoreFile trust = ca.trustStore();
 * }</pre>
 */
public final class LocalCertificateAuthority {
  /** How long certificates are valid unless asked otherwise. */
  public static final int DEFAULT_VALIDITY_DAYS = 30;
  private static final String STORE_TYPE = "PKCS12";
  private static final String CA_ALIAS = "kefu-local-ca";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]+");
  private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

  private final Path directory;
  private final int validityDays;
  private final StoreFile caStore;
  private final X509Certificate caCertificate;
  private final StoreFile trustStore;
  private final Keytool keytool;
  private final SecureRandom random;

  private LocalCertificateAuthority(Path directory, int validityDays, StoreFile caStore,
      X509Certificate caCertificate, StoreFile trustStore, Keytool keytool, SecureRandom random) {
    this.directory = directory;
    this.validityDays = validityDays;
    this.caStore = caStore;
    this.caCertificate = caCertificate;
    this.trustStore = trustStore;
    this.keytool = keytool;
    this.random = random;
  }

  /** A new CA in {@code directory} (created if needed) with certificates valid for 30 days. */
  public static LocalCertificateAuthority create(Path directory) {
    return create(directory, DEFAULT_VALIDITY_DAYS);
  }

  /**
   * A new CA in {@code directory} (created if needed), its certificate and those it issues valid for
   * {@code validityDays}.
   *
   * @throws IllegalArgumentException when {@code validityDays} is not 1..3650 or the directory already holds a CA
   */
  public static LocalCertificateAuthority create(Path directory, int validityDays) {
    if (validityDays < 1 || validityDays > 3650) {
      throw new IllegalArgumentException("validityDays must be 1..3650, was " + validityDays);
    }
    Path root = directory.toAbsolutePath().normalize();
    Path caFile = root.resolve("ca.p12");
    if (Files.exists(caFile)) {
      throw new IllegalArgumentException(caFile + " exists already; a local CA is created once in an empty "
          + "directory");
    }
    createDirectories(root);
    SecureRandom random = new SecureRandom();
    Keytool keytool = new Keytool();
    StoreFile caStore = new StoreFile(caFile, Passwords.random(random), STORE_TYPE);
    keytool.run(List.of("-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
        "-sigalg", "SHA256withECDSA", "-dname", "CN=Kefu local CA,O=Kefu", "-ext", "bc:c",
        "-validity", Integer.toString(validityDays), "-keystore", caFile.toString(), "-storetype", STORE_TYPE,
        "-storepass:env", Keytool.STORE_PASSWORD_VARIABLE, "-keypass:env", Keytool.STORE_PASSWORD_VARIABLE),
        caStore.password(), null);
    ownerOnly(caFile);
    X509Certificate caCertificate = certificateOf(load(caStore), CA_ALIAS, caFile);
    writePem(root.resolve("ca.pem"), caCertificate);
    StoreFile trustStore = new StoreFile(root.resolve("truststore.p12"), Passwords.random(random), STORE_TYPE);
    KeyStore trusted = emptyStore();
    try {
      trusted.setCertificateEntry(CA_ALIAS, caCertificate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot put the CA certificate into a trust store", e);
    }
    store(trusted, trustStore);
    return new LocalCertificateAuthority(root, validityDays, caStore, caCertificate, trustStore, keytool, random);
  }

  /** The trust store holding the CA certificate, for clients and servers that check peers. */
  public StoreFile trustStore() {
    return trustStore;
  }

  /** The CA certificate. */
  public X509Certificate certificate() {
    return caCertificate;
  }

  /** The directory holding the CA's files. */
  public Path directory() {
    return directory;
  }

  /** The CA certificate in PEM form ({@code ca.pem}). */
  public Path certificatePem() {
    return directory.resolve("ca.pem");
  }

  /**
   * Issues a server certificate for {@code hosts} signed by this CA and writes {@code <name>.p12} holding its private
   * key and chain (server, CA); the certificate serves TLS servers and clients.
   *
   * @param name lower-case letters, digits and '-', used as the common name and file name
   * @param hosts host names and IP addresses the certificate names (subject alternative names), at least one
   * @throws IllegalArgumentException when the name or a host is malformed, or the name was issued already
   */
  public StoreFile issueServerCertificate(String name, List<String> hosts) {
    if (name == null || !NAME.matcher(name).matches() || name.equals("ca") || name.equals("truststore")) {
      throw new IllegalArgumentException("certificate name must be lower-case letters, digits and '-' (not 'ca' or"
          + " 'truststore'), was '" + name + "'");
    }
    if (hosts == null || hosts.isEmpty()) {
      throw new IllegalArgumentException("certificate '" + name + "' needs at least one host name or IP address");
    }
    String subjectAlternativeNames = hosts.stream().map(LocalCertificateAuthority::alternativeName)
        .distinct().collect(Collectors.joining(","));
    Path keyStoreFile = directory.resolve(name + ".p12");
    if (Files.exists(keyStoreFile)) {
      throw new IllegalArgumentException("a certificate named '" + name + "' was issued already: " + keyStoreFile);
    }
    StoreFile issued = new StoreFile(keyStoreFile, Passwords.random(random), STORE_TYPE);
    Path request = directory.resolve(name + ".csr");
    Path signed = directory.resolve(name + ".pem");
    String validity = Integer.toString(validityDays);
    keytool.run(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
        "-sigalg", "SHA256withECDSA", "-dname", "CN=" + name + ",O=Kefu", "-validity", validity,
        "-keystore", keyStoreFile.toString(), "-storetype", STORE_TYPE,
        "-storepass:env", Keytool.STORE_PASSWORD_VARIABLE, "-keypass:env", Keytool.STORE_PASSWORD_VARIABLE),
        issued.password(), null);
    ownerOnly(keyStoreFile);
    keytool.run(List.of("-certreq", "-alias", name, "-keystore", keyStoreFile.toString(),
        "-storepass:env", Keytool.STORE_PASSWORD_VARIABLE, "-file", request.toString()),
        issued.password(), null);
    keytool.run(List.of("-gencert", "-alias", CA_ALIAS, "-keystore", caStore.location().toString(),
        "-storepass:env", Keytool.SIGNER_PASSWORD_VARIABLE, "-infile", request.toString(),
        "-outfile", signed.toString(), "-rfc", "-validity", validity, "-sigalg", "SHA256withECDSA",
        "-ext", "SAN=" + subjectAlternativeNames, "-ext", "EKU=serverAuth,clientAuth"),
        issued.password(), caStore.password());
    installChain(issued, name, readCertificate(signed));
    delete(request);
    delete(signed);
    return issued;
  }

  @Override
  public String toString() {
    return "LocalCertificateAuthority{" + directory + ", validityDays=" + validityDays + "}";
  }

  /** Replaces the self-signed certificate of {@code alias} with the chain (signed certificate, CA). */
  private void installChain(StoreFile keyStoreFile, String alias, X509Certificate signed) {
    KeyStore keyStore = load(keyStoreFile);
    try {
      Key key = keyStore.getKey(alias, keyStoreFile.password().toCharArray());
      signed.verify(caCertificate.getPublicKey());
      keyStore.setKeyEntry(alias, key, keyStoreFile.password().toCharArray(),
          new Certificate[] {signed, caCertificate});
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot install the CA-signed chain for '" + alias + "' into "
          + keyStoreFile.location(), e);
    }
    store(keyStore, keyStoreFile);
  }

  private static X509Certificate certificateOf(KeyStore store, String alias, Path file) {
    try {
      if (store.getCertificate(alias) instanceof X509Certificate certificate) {
        return certificate;
      }
      throw new IllegalStateException(file + " holds no X.509 certificate under '" + alias + "'");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read '" + alias + "' from " + file, e);
    }
  }

  private static String alternativeName(String host) {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("host must be a host name or IP address, was '" + host + "'");
    }
    return (IP.matcher(host).matches() ? "ip:" : "dns:") + host;
  }

  private static KeyStore emptyStore() {
    try {
      KeyStore store = KeyStore.getInstance(STORE_TYPE);
      store.load(null, null);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create an empty " + STORE_TYPE + " store", e);
    }
  }

  private static KeyStore load(StoreFile file) {
    try (InputStream in = Files.newInputStream(file.location())) {
      KeyStore store = KeyStore.getInstance(file.type());
      store.load(in, file.password().toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.location(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open " + file.location(), e);
    }
  }

  private static void store(KeyStore store, StoreFile file) {
    try (OutputStream out = Files.newOutputStream(file.location())) {
      store.store(out, file.password().toCharArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.location(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write " + file.location(), e);
    }
  }

  private static X509Certificate readCertificate(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keytool wrote no X.509 certificate to " + pem, e);
    }
  }

  private static void writePem(Path file, X509Certificate certificate) {
    try {
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the CA certificate", e);
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  private static void ownerOnly(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
