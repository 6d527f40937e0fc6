package io.kefu.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a secured embedded broker authenticates and authorizes: TLS on both listeners with one key store and trust
 * store, SCRAM-SHA-512 users on the client listener, the {@code StandardAuthorizer} with {@value #ADMIN} as the only
 * super user, and no access for anyone without an ACL.
 *
 * <p>The client listener speaks {@code SASL_SSL} with {@code SCRAM-SHA-512}; the broker connects to itself there as
 * {@value #ADMIN} (transaction markers go over the inter-broker listener). The controller listener speaks
 * {@code SASL_SSL} with {@code PLAIN} and knows only {@value #ADMIN}: KRaft controllers cannot check SCRAM (the
 * credentials live in the metadata they serve), and a {@code PLAINTEXT} controller listener would make its anonymous
 * principal a super user. Every listed user's SCRAM credential is written into the metadata log when the data
 * directory is formatted; on a later start the non-admin users are upserted as {@value #ADMIN}, so new users and
 * changed passwords take effect. The admin password is fixed at format time.
 *
 * <p>User names are letters, digits, '.', '_' and '-'; passwords are printable ASCII without space, ',', '"' and
 * '\', because both go into Kafka's SCRAM format arguments and JAAS strings unquoted.
 */
public final class BrokerSecurity {
  /** The SASL mechanism of the client listener. */
  public static final String MECHANISM = "SCRAM-SHA-512";
  /** The broker's own principal name, its only super user. */
  public static final String ADMIN = "admin";
  /** Kafka's KRaft authorizer. */
  public static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7E&&[^,\"\\\\]]+");
  private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

  private final Path keyStore;
  private final String keyStorePassword;
  private final Path trustStore;
  private final String trustStorePassword;
  private final String storeType;
  private final Map<String, String> passwords;

  private BrokerSecurity(Builder builder) {
    this.keyStore = builder.keyStore;
    this.keyStorePassword = builder.keyStorePassword;
    this.trustStore = builder.trustStore;
    this.trustStorePassword = builder.trustStorePassword;
    this.storeType = builder.storeType;
    Map<String, String> users = new LinkedHashMap<>();
    users.put(ADMIN, builder.adminPassword);
    users.putAll(builder.users);
    this.passwords = Collections.unmodifiableMap(users);
  }

  /** A builder; the key store, the trust store and the admin password are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every SCRAM user, {@value #ADMIN} first. */
  public Set<String> users() {
    return passwords.keySet();
  }

  /**
   * Client settings for {@code user} on the client listener ({@code bootstrap.servers} not included): SASL_SSL,
   * SCRAM-SHA-512 with the user's credentials, and the trust store.
   *
   * @throws IllegalArgumentException when {@code user} is not one of {@link #users()}
   */
  public Map<String, Object> clientProperties(String user) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no SCRAM user '" + user + "'; users are " + users());
    }
    Map<String, Object> props = new TreeMap<>();
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", MECHANISM);
    props.put("sasl.jaas.config", scramJaasConfig(user, password));
    props.put("ssl.truststore.location", trustStore.toString());
    props.put("ssl.truststore.password", trustStorePassword);
    props.put("ssl.truststore.type", storeType);
    return props;
  }

  /** The JAAS line a client logs in with as {@code user} over SCRAM. */
  public static String scramJaasConfig(String user, String password) {
    checkUser(user);
    checkPassword(user, password);
    return SCRAM_LOGIN + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  /** The server properties this security adds; {@link BrokerProperties} rejects extras that name any of them. */
  Map<String, String> brokerProperties() {
    String admin = passwords.get(ADMIN);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("listener.security.protocol.map",
        BrokerProperties.CLIENT_LISTENER + ":SASL_SSL," + BrokerProperties.CONTROLLER_LISTENER + ":SASL_SSL");
    props.put("listener.name.client.sasl.enabled.mechanisms", MECHANISM);
    props.put("listener.name.client.scram-sha-512.sasl.jaas.config", scramJaasConfig(ADMIN, admin));
    props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    props.put("listener.name.controller.plain.sasl.jaas.config", PLAIN_LOGIN + " required username=\"" + ADMIN
        + "\" password=\"" + admin + "\" user_" + ADMIN + "=\"" + admin + "\";");
    props.put("sasl.mechanism.controller.protocol", "PLAIN");
    props.put("ssl.keystore.location", keyStore.toString());
    props.put("ssl.keystore.password", keyStorePassword);
    props.put("ssl.key.password", keyStorePassword);
    props.put("ssl.keystore.type", storeType);
    props.put("ssl.truststore.location", trustStore.toString());
    props.put("ssl.truststore.password", trustStorePassword);
    props.put("ssl.truststore.type", storeType);
    props.put("ssl.endpoint.identification.algorithm", "https");
    props.put("authorizer.class.name", AUTHORIZER);
    props.put("super.users", "User:" + ADMIN);
    props.put("allow.everyone.if.no.acl.found", "false");
    return props;
  }

  /** The {@code --add-scram} arguments of Kafka's storage formatter, one per user. */
  List<String> scramFormatArguments() {
    return passwords.entrySet().stream()
        .map(e -> MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]")
        .toList();
  }

  /** Every user but {@value #ADMIN} with its password, for the upsert on a later start. */
  Map<String, String> nonAdminPasswords() {
    Map<String, String> others = new LinkedHashMap<>(passwords);
    others.remove(ADMIN);
    return others;
  }

  @Override
  public String toString() {
    return "BrokerSecurity{SASL_SSL/" + MECHANISM + ", users=" + users() + ", keyStore=" + keyStore
        + ", trustStore=" + trustStore + "}";
  }

  private static void checkUser(String user) {
    if (user == null || !USER_NAME.matcher(user).matches()) {
      throw new IllegalArgumentException(
          "SCRAM user names are letters, digits, '.', '_' and '-', was '" + user + "'");
    }
  }

  private static void checkPassword(String user, String password) {
    if (password == null || !PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException("password of SCRAM user '" + user + "' must be printable ASCII without "
          + "space, ',', '\"' or '\\', and not empty");
    }
  }

  /** Settings of a {@link BrokerSecurity}: {@code set*} is required, {@code opt*} optional. */
  public static final class Builder {
    private Path keyStore;
    private String keyStorePassword;
    private Path trustStore;
    private String trustStorePassword;
    private String storeType = "PKCS12";
    private String adminPassword;
    private final Map<String, String> users = new LinkedHashMap<>();

    private Builder() {}

    /** The broker's key store (its certificate chain and private key); the key has the store's password. */
    public Builder setKeyStore(Path keyStore, String password) {
      this.keyStore = readable("key store", keyStore);
      this.keyStorePassword = Objects.requireNonNull(password, "key store password");
      return this;
    }

    /** The trust store holding the CA that signed the broker's certificate; clients get the same one. */
    public Builder setTrustStore(Path trustStore, String password) {
      this.trustStore = readable("trust store", trustStore);
      this.trustStorePassword = Objects.requireNonNull(password, "trust store password");
      return this;
    }

    /** The password of {@value #ADMIN}, the broker's own principal and only super user. */
    public Builder setAdminPassword(String password) {
      checkPassword(ADMIN, password);
      this.adminPassword = password;
      return this;
    }

    /** Type of both stores: {@code PKCS12} (the default) or {@code JKS}. */
    public Builder optStoreType(String storeType) {
      if (!"PKCS12".equals(storeType) && !"JKS".equals(storeType)) {
        throw new IllegalArgumentException("store type must be PKCS12 or JKS, was '" + storeType + "'");
      }
      this.storeType = storeType;
      return this;
    }

    /** One more SCRAM user; without ACLs it can authenticate but not touch anything. */
    public Builder optUser(String name, String password) {
      checkUser(name);
      if (ADMIN.equals(name)) {
        throw new IllegalArgumentException("'" + ADMIN + "' is the broker's own user: set its password with "
            + "setAdminPassword");
      }
      checkPassword(name, password);
      users.put(name, password);
      return this;
    }

    /** Several SCRAM users at once, by name; see {@link #optUser(String, String)}. */
    public Builder optUsers(Map<String, String> namesToPasswords) {
      namesToPasswords.forEach(this::optUser);
      return this;
    }

    /** The security, checked for completeness. */
    public BrokerSecurity build() {
      if (keyStore == null) {
        throw new IllegalArgumentException("a key store is required: call setKeyStore(path, password)");
      }
      if (trustStore == null) {
        throw new IllegalArgumentException("a trust store is required: call setTrustStore(path, password)");
      }
      if (adminPassword == null) {
        throw new IllegalArgumentException("the admin password is required: call setAdminPassword(password)");
      }
      return new BrokerSecurity(this);
    }

    private static Path readable(String what, Path path) {
      Objects.requireNonNull(path, what);
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException(what + " " + path + " does not exist or cannot be read");
      }
      return path.toAbsolutePath();
    }
  }
}
