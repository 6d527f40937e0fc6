package io.kefu.security.platform;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.BrokerSecurity;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistrySettings;
import io.kefu.security.Passwords;
import io.kefu.security.acl.AclInstaller;
import io.kefu.security.acl.AclPlan;
import io.kefu.security.acl.KefuService;
import io.kefu.security.acl.ServiceAcls;
import io.kefu.security.tls.LocalCertificateAuthority;
import io.kefu.security.tls.StoreFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kefu's platform locked down as production should be, in this process: a local CA, the embedded broker with
 * SASL_SSL + SCRAM-SHA-512 and ACLs, Kefu's topics created by the admin, each service's least-privilege ACLs
 * ({@link ServiceAcls}), and the schema registry serving https with basic auth and reaching Kafka as its own
 * principal.
 *
 * <p>Every service is a SCRAM user named by its {@link KefuService#id()} (principal
 * {@link KefuService#defaultPrincipal()}) with a random
 * password, and a registry user of the same name with another. {@link #settings(KefuService)} gives the settings a
 * service runs with: {@code bootstrap.servers}, the standard Kafka security settings under {@code kafka.*} and the
 * registry's URL, basic auth and trust store under {@code schema.registry.*}, exactly as an operator would configure
 * the service; nothing else is special about how the services connect.
 *
 * <pre>{@code
 * try (SecuredPlatform platform = SecuredPlatform.builder().setDirectory(dir).start()) {
 *   KefuConfig replyConfig = platform.config(KefuService.REPLY_SERVICE);
 * }
 * }</pre>
 *
 * <p>The broker can be stopped and started again through {@link #broker()}; it keeps its port, users and ACLs.
 */
public final class SecuredPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SecuredPlatform.class);

  private final String host;
  private final TopicCatalogue catalogue;
  private final LocalCertificateAuthority authority;
  private final EmbeddedKafkaBroker broker;
  private final Map<KefuService, String> registryPasswords;
  private final AclPlan aclPlan;
  private TopicAdmin.Outcome topics;
  private AclInstaller.Outcome acls;
  private EmbeddedSchemaRegistry registry;
  private Duration startup;

  private SecuredPlatform(String host, TopicCatalogue catalogue, LocalCertificateAuthority authority,
      EmbeddedKafkaBroker broker, Map<KefuService, String> registryPasswords, AclPlan aclPlan) {
    this.host = host;
    this.catalogue = catalogue;
    this.authority = authority;
    this.broker = broker;
    this.registryPasswords = registryPasswords;
    this.aclPlan = aclPlan;
  }

  /** A builder; {@link Builder#setDirectory(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  private void startParts(boolean withRegistry, long startedAt) {
    broker.start();
    try (Admin admin = Admin.create(broker.clientProperties())) {
      topics = new TopicAdmin(admin).ensureTopics(catalogue.all());
      acls = aclPlan.apply(admin);
    }
    log.info("secured Kafka at {}: {} topics, {} ACLs for {} principals", broker.bootstrapServers(),
        catalogue.all().size(), aclPlan.bindings().size(), broker.security().orElseThrow().users().size() - 1);
    if (withRegistry) {
      registry = EmbeddedSchemaRegistry.fromConfig(registryConfig());
      registry.start();
    }
    startup = Duration.ofNanos(System.nanoTime() - startedAt);
    log.info("secured platform started in {} ms", startup.toMillis());
  }

  /** The settings the registry runs with: its own principal for Kafka, https and basic auth for clients. */
  private KefuConfig registryConfig() {
    StoreFile registryStore = authority.issueServerCertificate("registry", serverHosts(host));
    Map<String, String> settings = new LinkedHashMap<>(kafkaSettings(KefuService.SCHEMA_REGISTRY.id()));
    settings.put(CoreSettings.HTTP_HOST, host);
    settings.put(CoreSettings.TOPIC_PREFIX, catalogue.prefix());
    settings.put(RegistrySettings.PORT, "0");
    settings.put(RegistrySettings.TOPIC_REPLICATION, "1");
    settings.put(RegistrySettings.BASIC_AUTH_USER_INFO, registryPasswords.entrySet().stream()
        .map(e -> e.getKey().id() + ":" + e.getValue()).collect(Collectors.joining(",")));
    settings.put(RegistrySettings.SSL_KEYSTORE_LOCATION, registryStore.location().toString());
    settings.put(RegistrySettings.SSL_KEYSTORE_PASSWORD, registryStore.password());
    settings.put(RegistrySettings.SSL_KEYSTORE_TYPE, registryStore.type());
    return load(settings);
  }

  /**
   * A new map of the settings {@code service} runs with, by Kefu setting key: {@code bootstrap.servers},
   * {@code topic.prefix}, {@code topic.create=false} (the admin created the topics; services may not),
   * {@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config},
   * {@code kafka.ssl.truststore.*} and, when the registry runs, {@code schema.registry.url},
   * {@code schema.registry.basic.auth.user.info} and {@code schema.registry.ssl.truststore.*}.
   */
  public Map<String, String> settings(KefuService service) {
    Map<String, String> settings = new TreeMap<>(kafkaSettings(service.id()));
    settings.put(CoreSettings.TOPIC_PREFIX, catalogue.prefix());
    settings.put(CoreSettings.TOPIC_CREATE, "false");
    if (registry != null && service != KefuService.SCHEMA_REGISTRY) {
      settings.put(CoreSettings.SCHEMA_REGISTRY_URL, registry.url());
      settings.put("schema.registry.basic.auth.user.info", service.id() + ":" + registryPasswords.get(service));
      StoreFile trust = authority.trustStore();
      settings.put("schema.registry.ssl.truststore.location", trust.location().toString());
      settings.put("schema.registry.ssl.truststore.password", trust.password());
      settings.put("schema.registry.ssl.truststore.type", trust.type());
    }
    return settings;
  }

  /** A new map of the settings of the super user {@code admin}: Kafka only (topics, ACLs, users), no registry user. */
  public Map<String, String> adminSettings() {
    Map<String, String> settings = new TreeMap<>(kafkaSettings(BrokerSecurity.ADMIN));
    settings.put(CoreSettings.TOPIC_PREFIX, catalogue.prefix());
    return settings;
  }

  /** {@link #settings(KefuService)} resolved as a {@link KefuConfig} over the declared defaults. */
  public KefuConfig config(KefuService service) {
    return load(settings(service));
  }

  /** {@code settings} over the defaults of every setting declared on the classpath, ignoring the environment. */
  public static KefuConfig load(Map<String, String> settings) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), settings);
  }

  private Map<String, String> kafkaSettings(String user) {
    Map<String, String> settings = new TreeMap<>();
    broker.clientProperties(user).forEach((key, value) -> {
      if (key.equals(CoreSettings.BOOTSTRAP_SERVERS)) {
        settings.put(CoreSettings.BOOTSTRAP_SERVERS, value.toString());
      } else {
        settings.put(CoreSettings.KAFKA_PASSTHROUGH_PREFIX + key, value.toString());
      }
    });
    return settings;
  }

  /** The running broker; stop and start it to test recovery. */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /**
   * The running registry.
   *
   * @throws IllegalStateException when the platform was built without one
   */
  public EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      throw new IllegalStateException("the secured platform runs without a schema registry (optRegistry(false))");
    }
    return registry;
  }

  /** The topic catalogue the topics and ACLs were made from. */
  public TopicCatalogue catalogue() {
    return catalogue;
  }

  /** The ACLs of every service. */
  public AclPlan aclPlan() {
    return aclPlan;
  }

  /** What applying {@link #aclPlan()} did at start. */
  public AclInstaller.Outcome acls() {
    return acls;
  }

  /** What creating the topics did at start. */
  public TopicAdmin.Outcome topics() {
    return topics;
  }

  /** The CA that signed the broker's and the registry's certificates; clients trust its trust store. */
  public LocalCertificateAuthority certificateAuthority() {
    return authority;
  }

  /** How long the start took, certificates included. */
  public Duration startup() {
    return startup;
  }

  /** Stops the registry, then the broker. */
  @Override
  public void close() {
    try {
      if (registry != null) {
        registry.close();
      }
    } finally {
      broker.close();
    }
  }

  private static List<String> serverHosts(String host) {
    Set<String> hosts = new LinkedHashSet<>(List.of(host, "localhost", "127.0.0.1"));
    return List.copyOf(hosts);
  }

  /** Settings of a {@link SecuredPlatform}: {@code set*} is required, {@code opt*} optional. */
  public static final class Builder {
    private Path directory;
    private String host = "127.0.0.1";
    private String topicPrefix = "";
    private boolean withRegistry = true;

    private Builder() {}

    /** The directory for the CA ({@code tls/}) and the broker's data ({@code kafka/}); best empty. */
    public Builder setDirectory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The address broker and registry bind and name in their certificates; default 127.0.0.1. */
    public Builder optHost(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The {@code topic.prefix} of the topics, groups and ACLs; default none. */
    public Builder optTopicPrefix(String topicPrefix) {
      this.topicPrefix = Objects.requireNonNull(topicPrefix, "topicPrefix");
      return this;
    }

    /** Whether to run the schema registry; default true. */
    public Builder optRegistry(boolean withRegistry) {
      this.withRegistry = withRegistry;
      return this;
    }

    /**
     * Creates the CA and certificates, starts the broker, creates the topics and ACLs, and starts the registry.
     *
     * @throws IllegalStateException or {@link io.kefu.kafka.embedded.EmbeddedKafkaException} when a step fails;
     *     whatever had started is stopped again
     */
    public SecuredPlatform start() {
      if (directory == null) {
        throw new IllegalArgumentException("directory is required: call setDirectory(path)");
      }
      long startedAt = System.nanoTime();
      SecureRandom random = new SecureRandom();
      LocalCertificateAuthority authority = LocalCertificateAuthority.create(directory.resolve("tls"));
      StoreFile brokerStore = authority.issueServerCertificate("kafka", serverHosts(host));
      StoreFile trust = authority.trustStore();
      BrokerSecurity.Builder security = BrokerSecurity.builder()
          .setKeyStore(brokerStore.location(), brokerStore.password())
          .setTrustStore(trust.location(), trust.password())
          .setAdminPassword(Passwords.random(random));
      Map<KefuService, String> registryPasswords = new EnumMap<>(KefuService.class);
      Map<KefuService, String> principals = new EnumMap<>(KefuService.class);
      for (KefuService service : KefuService.values()) {
        security.optUser(service.id(), Passwords.random(random));
        principals.put(service, service.defaultPrincipal());
        if (service != KefuService.SCHEMA_REGISTRY) {
          registryPasswords.put(service, Passwords.random(random));
        }
      }
      TopicCatalogue catalogue = TopicCatalogue.load(topicPrefix);
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
          .setDataDirectory(directory.resolve("kafka"))
          .optHost(host)
          .optSecurity(security.build())
          .build();
      SecuredPlatform platform = new SecuredPlatform(host, catalogue, authority, broker, registryPasswords,
          AclPlan.forPrincipals(principals, ServiceAcls.defaults(catalogue)));
      try {
        platform.startParts(withRegistry, startedAt);
      } catch (RuntimeException e) {
        try {
          platform.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      return platform;
    }
  }
}
