package io.kefu.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.serde.CompatibilityLevel;

/**
 * Everything the embedded registry needs to run: Kafka client properties, where to listen, its topic, default level,
 * users, TLS and timeouts.
 *
 * @param kafkaProperties properties handed to the registry's Kafka clients; must hold {@code bootstrap.servers}
 * @param host address the HTTP server binds to
 * @param port TCP port, 0 for a free one
 * @param topic the compacted topic holding schemas and config
 * @param topicReplication replication factor when the topic is created (capped at the broker count)
 * @param defaultLevel global compatibility level until PUT /config sets one
 * @param users basic-auth users; {@link BasicAuthUsers#none()} turns authentication off
 * @param tls key store for https, or empty for plain http
 * @param writeTimeout how long a write may wait for Kafka to store it and the registry to read it back
 * @param initTimeout how long start may take to create and read the topic
 */
public record RegistryOptions(
    Map<String, Object> kafkaProperties,
    String host,
    int port,
    String topic,
    short topicReplication,
    CompatibilityLevel defaultLevel,
    BasicAuthUsers users,
    Optional<TlsOptions> tls,
    Duration writeTimeout,
    Duration initTimeout) {

  public RegistryOptions {
    kafkaProperties = Map.copyOf(kafkaProperties);
    if (!(kafkaProperties.get("bootstrap.servers") instanceof String servers) || servers.isBlank()) {
      throw new IllegalArgumentException("kafkaProperties must hold bootstrap.servers, had " + kafkaProperties.keySet());
    }
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("registry topic must not be blank");
    }
    if (topicReplication < 1) {
      throw new IllegalArgumentException("topic replication must be >= 1, was " + topicReplication);
    }
    Objects.requireNonNull(defaultLevel, "defaultLevel");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(tls, "tls");
    requirePositive(writeTimeout, "writeTimeout");
    requirePositive(initTimeout, "initTimeout");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
    }
  }

  /** Reads the options from Kefu settings ({@link RegistrySettings}, plus {@code bootstrap.servers}, {@code kafka.*}, {@code http.host}). */
  public static RegistryOptions fromConfig(KefuConfig config) {
    Builder builder = builder()
        .setKafkaProperties(config.kafkaClientProperties())
        .optHost(config.get(CoreSettings.HTTP_HOST))
        .optPort(config.getInt(RegistrySettings.PORT))
        .optTopic(config.get(RegistrySettings.TOPIC))
        .optTopicReplication(shortSetting(config, RegistrySettings.TOPIC_REPLICATION))
        .optWriteTimeout(config.getDuration(RegistrySettings.WRITE_TIMEOUT))
        .optInitTimeout(config.getDuration(RegistrySettings.INIT_TIMEOUT));
    String level = config.get(RegistrySettings.COMPATIBILITY_LEVEL);
    try {
      builder.optDefaultLevel(CompatibilityLevel.parse(level));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + RegistrySettings.COMPATIBILITY_LEVEL + "': " + e.getMessage()
          + " (from " + config.origin(RegistrySettings.COMPATIBILITY_LEVEL) + ")", e);
    }
    try {
      builder.optUsers(BasicAuthUsers.parse(config.getOrNull(RegistrySettings.BASIC_AUTH_USER_INFO)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + RegistrySettings.BASIC_AUTH_USER_INFO + "': " + e.getMessage()
          + " (from " + config.origin(RegistrySettings.BASIC_AUTH_USER_INFO) + ")", e);
    }
    String keyStore = config.getOrNull(RegistrySettings.SSL_KEYSTORE_LOCATION);
    if (keyStore != null && !keyStore.isBlank()) {
      try {
        builder.optTls(new TlsOptions(Path.of(keyStore), config.getOrNull(RegistrySettings.SSL_KEYSTORE_PASSWORD),
            config.get(RegistrySettings.SSL_KEYSTORE_TYPE), config.getOrNull(RegistrySettings.SSL_KEY_PASSWORD)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("setting '" + RegistrySettings.SSL_KEYSTORE_LOCATION + "': " + e.getMessage()
            + " (from " + config.origin(RegistrySettings.SSL_KEYSTORE_LOCATION) + ")", e);
      }
    }
    return builder.build();
  }

  private static short shortSetting(KefuConfig config, String key) {
    int value = config.getInt(key);
    if (value < 1 || value > Short.MAX_VALUE) {
      throw new ConfigException("setting '" + key + "' must be 1.." + Short.MAX_VALUE + ", was " + value
          + " (from " + config.origin(key) + ")");
    }
    return (short) value;
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}, for a server bound to {@code boundPort}. */
  public String url(int boundPort) {
    String scheme = tls.isPresent() ? "https" : "http";
    String shownHost = host.isEmpty() || host.equals("0.0.0.0") ? "localhost" : host;
    if (shownHost.contains(":") && !shownHost.startsWith("[")) {
      shownHost = "[" + shownHost + "]";
    }
    return scheme + "://" + shownHost + ":" + boundPort;
  }

  /** A builder whose only required value is the Kafka bootstrap servers (or full client properties). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RegistryOptions}: {@code set*} for required values, {@code opt*} for the rest. */
  public static final class Builder {
    private final Map<String, Object> kafkaProperties = new TreeMap<>();
    private String host = "127.0.0.1";
    private int port;
    private String topic = "_schemas";
    private short topicReplication = 3;
    private CompatibilityLevel defaultLevel = CompatibilityLevel.DEFAULT;
    private BasicAuthUsers users = BasicAuthUsers.none();
    private Optional<TlsOptions> tls = Optional.empty();
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration initTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Sets the Kafka bootstrap servers. */
    public Builder setBootstrapServers(String bootstrapServers) {
      kafkaProperties.put("bootstrap.servers", bootstrapServers);
      return this;
    }

    /** Sets every Kafka client property (security settings included); must hold {@code bootstrap.servers}. */
    public Builder setKafkaProperties(Map<String, Object> properties) {
      kafkaProperties.clear();
      kafkaProperties.putAll(properties);
      return this;
    }

    /** Bind address; default 127.0.0.1. */
    public Builder optHost(String host) {
      this.host = host;
      return this;
    }

    /** TCP port; default 0, a free port. */
    public Builder optPort(int port) {
      this.port = port;
      return this;
    }

    /** Registry topic; default {@code _schemas}. */
    public Builder optTopic(String topic) {
      this.topic = topic;
      return this;
    }

    /** Replication factor at creation; default 3, capped at the broker count. */
    public Builder optTopicReplication(short topicReplication) {
      this.topicReplication = topicReplication;
      return this;
    }

    /** Global compatibility level until one is stored; default BACKWARD. */
    public Builder optDefaultLevel(CompatibilityLevel defaultLevel) {
      this.defaultLevel = defaultLevel;
      return this;
    }

    /** Basic-auth users; default none (no authentication). */
    public Builder optUsers(BasicAuthUsers users) {
      this.users = users;
      return this;
    }

    /** Serves https with this key store instead of http. */
    public Builder optTls(TlsOptions tls) {
      this.tls = Optional.of(tls);
      return this;
    }

    /** How long a write may take; default 30 s. */
    public Builder optWriteTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
      return this;
    }

    /** How long start may take to read the topic; default 60 s. */
    public Builder optInitTimeout(Duration initTimeout) {
      this.initTimeout = initTimeout;
      return this;
    }

    public RegistryOptions build() {
      return new RegistryOptions(kafkaProperties, host, port, topic, topicReplication, defaultLevel, users, tls,
          writeTimeout, initTimeout);
    }
  }
}
