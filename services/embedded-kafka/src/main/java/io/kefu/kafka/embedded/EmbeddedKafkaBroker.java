package io.kefu.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller, node id 1), run in-process
 * from Kafka's own {@link KafkaRaftServer}, keeping everything in one data directory that survives restarts.
 *
 * <p>The first {@link #start()} formats the directory with Kafka's storage formatter (cluster id and node id go to
 * {@code meta.properties}); later starts reuse it as it is, so committed records, topics, consumer offsets and
 * transactional state are all still there.
 *
 * <p>Ports: the client listener binds {@link Builder#optPort(int)}. When that is 0 (the default), the first start
 * picks a free port and remembers it in {@code embedded-broker.properties} inside the data directory; every later
 * start on port 0 binds that same port again, so clients that kept {@link #bootstrapServers()} reconnect after a
 * restart. Delete that file to pick a new port. A configured non-zero port is used as given and not remembered. The
 * controller listener takes a free port on every start unless {@link Builder#optControllerPort(int)} is set; nothing
 * outside the broker connects to it.
 *
 * <p>Unsecured by default (PLAINTEXT, no authorizer). {@link Builder#optSecurity(BrokerSecurity)} turns on SASL_SSL
 * with SCRAM-SHA-512, TLS and ACLs; SCRAM users are then written into the metadata log when the directory is
 * formatted, {@link #clientProperties()} connects as the super user {@code admin} and
 * {@link #clientProperties(String)} as any other user.
 *
 * <p>The instance can be started again after {@link #stop()}; each start builds a fresh server on the same directory.
 * Kafka logs through SLF4J; the application owns the logging configuration. Tests in other modules can use
 * {@link io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(dir).optPort(9092).build()) {
 *   broker.start();
 *   Admin admin = Admin.create(broker.clientProperties());
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final BrokerDataDirectory directory;
  private final String host;
  private final int requestedPort;
  private final int requestedControllerPort;
  private final Optional<String> requestedClusterId;
  private final Map<String, String> brokerProperties;
  private final Map<String, Object> clientProperties;
  private final Optional<BrokerSecurity> security;
  private final Optional<ControllerQuorum> quorum;
  private final Duration startupTimeout;

  private KafkaRaftServer server;
  private int listenerPort = -1;
  private String clusterId;
  private Duration lastStartupDuration;

  private EmbeddedKafkaBroker(Builder builder) {
    this.directory = new BrokerDataDirectory(builder.dataDirectory);
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.requestedControllerPort = builder.controllerPort;
    this.requestedClusterId = Optional.ofNullable(builder.clusterId);
    this.brokerProperties = Map.copyOf(builder.brokerProperties);
    this.clientProperties = Map.copyOf(builder.clientProperties);
    this.security = Optional.ofNullable(builder.security);
    this.quorum = Optional.ofNullable(builder.quorum);
    this.startupTimeout = builder.startupTimeout;
  }

  /** A builder; {@link Builder#setDataDirectory(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Formats the data directory if needed, starts the broker and blocks until it answers a metadata request.
   *
   * @throws IllegalStateException if the broker is already running
   * @throws EmbeddedKafkaException if formatting, binding or startup fails, or the broker does not answer in time
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("embedded Kafka broker is already running at " + bootstrapServers());
    }
    long startedAt = System.nanoTime();
    boolean formattedBefore = directory.isFormatted();
    clusterId = StorageFormatter.formatIfNeeded(directory, requestedClusterId,
        security.map(BrokerSecurity::scramFormatArguments).orElse(List.of()), nodeId());
    OptionalInt remembered = requestedPort == 0 ? directory.rememberedListenerPort() : OptionalInt.empty();
    int port = requestedPort != 0 ? requestedPort : remembered.orElseGet(() -> Ports.pickFree(host));
    checkBindable(port, remembered.isPresent());
    int controllerPort = quorum.map(ControllerQuorum::controllerPort).orElseGet(() -> requestedControllerPort != 0
        ? requestedControllerPort
        : Ports.pickFreeExcept(host, port));
    Map<String, String> props =
        BrokerProperties.build(host, port, controllerPort, directory, brokerProperties, security, quorum);
    listenerPort = port;
    KafkaRaftServer starting = null;
    try {
      starting = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      starting.startup();
      BrokerReadiness.awaitMetadata(bootstrapServers(), ownClientProperties(), startupTimeout, nodeId());
      if (formattedBefore && security.isPresent()) {
        ScramUsers.upsert(clientProperties(), security.get().nonAdminPasswords(), startupTimeout);
      }
    } catch (RuntimeException e) {
      EmbeddedKafkaException failure = new EmbeddedKafkaException("embedded Kafka broker failed to start at "
          + host + ":" + port + " with data directory " + directory + ": " + e.getMessage(), e);
      if (starting != null) {
        try {
          shutDown(starting);
        } catch (EmbeddedKafkaException shutdownFailure) {
          failure.addSuppressed(shutdownFailure);
        }
      }
      throw failure;
    }
    server = starting;
    if (requestedPort == 0 && remembered.isEmpty()) {
      directory.rememberListenerPort(port);
    }
    lastStartupDuration = Duration.ofNanos(System.nanoTime() - startedAt);
    log.info("embedded Kafka broker started at {} in {} ms (cluster {}, node {} of {}, data directory {})",
        bootstrapServers(), lastStartupDuration.toMillis(), clusterId, nodeId(), quorum.map(ControllerQuorum::size)
            .orElse(1), directory);
  }

  /** Shuts the broker down cleanly and waits until it has; does nothing if it is not running. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long stoppingAt = System.nanoTime();
    KafkaRaftServer stopping = server;
    server = null;
    shutDown(stopping);
    log.info("embedded Kafka broker at {} stopped in {} ms",
        bootstrapServers(), Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** True between a successful {@link #start()} and {@link #stop()}. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * The {@code host:port} of the client listener; the same across restarts on this data directory when the port
   * is 0 or fixed.
   *
   * @throws IllegalStateException before the first {@link #start()}
   */
  public synchronized String bootstrapServers() {
    return host + ":" + port();
  }

  /** The client listener port bound by the last start. */
  public synchronized int port() {
    if (listenerPort < 0) {
      throw new IllegalStateException("embedded Kafka broker has not been started; call start() first");
    }
    return listenerPort;
  }

  /** The cluster id kept in the data directory; known after the first {@link #start()}. */
  public synchronized String clusterId() {
    if (clusterId == null) {
      throw new IllegalStateException("embedded Kafka broker has not been started; call start() first");
    }
    return clusterId;
  }

  /** This node's id: the quorum's, or 1 for a single node. */
  public int nodeId() {
    return quorum.map(ControllerQuorum::nodeId).orElse(BrokerProperties.NODE_ID);
  }

  /** The data directory given to the builder. */
  public Path dataDirectory() {
    return directory.root();
  }

  /** How long the last {@link #start()} took, from formatting to the first metadata answer. */
  public synchronized Duration lastStartupDuration() {
    if (lastStartupDuration == null) {
      throw new IllegalStateException("embedded Kafka broker has not been started; call start() first");
    }
    return lastStartupDuration;
  }

  /**
   * A new mutable map of client settings: {@code bootstrap.servers}, the admin's security settings when the broker
   * is secured, and the builder's client properties over them.
   */
  public synchronized Map<String, Object> clientProperties() {
    Map<String, Object> properties = ownClientProperties();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /**
   * A new mutable map of client settings for one SCRAM user of a secured broker: {@code bootstrap.servers} and
   * {@link BrokerSecurity#clientProperties(String)}; the builder's client properties are not included.
   *
   * @throws IllegalStateException when the broker is not secured
   * @throws IllegalArgumentException when {@code user} is not one of the security's users
   */
  public synchronized Map<String, Object> clientProperties(String user) {
    BrokerSecurity secured = security.orElseThrow(() -> new IllegalStateException(
        "embedded Kafka broker is not secured: there are no users; build it with optSecurity(BrokerSecurity)"));
    Map<String, Object> properties = new LinkedHashMap<>(secured.clientProperties(user));
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /** The security the broker runs with, if it is secured. */
  public Optional<BrokerSecurity> security() {
    return security;
  }

  @Override
  public synchronized String toString() {
    return "EmbeddedKafkaBroker{" + (listenerPort < 0 ? "not started" : bootstrapServers())
        + ", running=" + (server != null) + ", dataDirectory=" + directory + "}";
  }

  private Map<String, Object> ownClientProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    security.ifPresent(s -> properties.putAll(s.clientProperties(BrokerSecurity.ADMIN)));
    properties.putAll(clientProperties);
    return properties;
  }

  private void checkBindable(int port, boolean remembered) {
    if (Ports.isBindable(host, port)) {
      return;
    }
    String origin = remembered
        ? " (remembered in " + directory.embeddedPropertiesFile() + " from the first start on port 0;"
            + " delete that file to pick a new free port)"
        : "";
    throw new EmbeddedKafkaException(
        "cannot start the embedded Kafka broker: port " + port + " on " + host + " is already in use" + origin);
  }

  /** Shuts {@code target} down and waits until it has. */
  private static void shutDown(KafkaRaftServer target) {
    try {
      target.shutdown();
      target.awaitShutdown();
    } catch (RuntimeException e) {
      throw new EmbeddedKafkaException("embedded Kafka broker did not shut down cleanly: " + e.getMessage(), e);
    }
  }

  /** Settings of an {@link EmbeddedKafkaBroker}: {@code set*} is required, {@code opt*} optional. */
  public static final class Builder {
    private Path dataDirectory;
    private String host = "127.0.0.1";
    private int port;
    private int controllerPort;
    private String clusterId;
    private final Map<String, String> brokerProperties = new HashMap<>();
    private final Map<String, Object> clientProperties = new HashMap<>();
    private BrokerSecurity security;
    private ControllerQuorum quorum;
    private Duration startupTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The directory that holds the broker's logs, metadata and remembered port; it survives restarts. */
    public Builder setDataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** The address both listeners bind and the client listener advertises to clients; default 127.0.0.1. */
    public Builder optHost(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must be a host name or IP address, was '" + host + "'");
      }
      if (host.equals("0.0.0.0") || host.equals("::")) {
        throw new IllegalArgumentException("host must be an address clients can connect to, because the broker "
            + "advertises it; was the wildcard '" + host + "'");
      }
      this.host = host;
      return this;
    }

    /** The client listener port, 0..65535; 0 (the default) picks a free port once and remembers it. */
    public Builder optPort(int port) {
      this.port = checkPort("port", port);
      return this;
    }

    /** The controller listener port, 0..65535; 0 (the default) picks a free port on every start. */
    public Builder optControllerPort(int controllerPort) {
      this.controllerPort = checkPort("controllerPort", controllerPort);
      return this;
    }

    /**
     * The cluster id to format a new data directory with (a random one by default); a formatted directory must
     * hold this id.
     */
    public Builder optClusterId(String clusterId) {
      try {
        Uuid.fromString(clusterId);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("clusterId must be a 22-character base64 UUID such as "
            + "'kafka-storage.sh random-uuid' prints, was '" + clusterId + "'", e);
      }
      this.clusterId = clusterId;
      return this;
    }

    /**
     * Extra server properties (SASL/SSL listener settings, an authorizer, ACL super users, retention ...), applied
     * over the single-node defaults. The client listener is named {@code CLIENT} and the controller listener
     * {@code CONTROLLER}, so {@code listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT} and
     * {@code listener.name.client.*} configure the client side. Keys the broker manages itself (roles, node id,
     * listeners, quorum, directories) are rejected.
     */
    public Builder optBrokerProperties(Map<String, String> properties) {
      BrokerProperties.checkExtras(properties);
      this.brokerProperties.putAll(properties);
      return this;
    }

    /** One extra server property; see {@link #optBrokerProperties(Map)}. */
    public Builder optBrokerProperty(String key, String value) {
      return optBrokerProperties(Map.of(key, value));
    }

    /**
     * Secures the broker: SASL_SSL with SCRAM-SHA-512 on the client listener, SASL_SSL with PLAIN on the controller
     * listener, TLS from the security's stores, the StandardAuthorizer with {@code User:admin} as the only super
     * user and no access without an ACL; see {@link BrokerSecurity}. {@link EmbeddedKafkaBroker#clientProperties()}
     * then connects as the admin.
     */
    public Builder optSecurity(BrokerSecurity security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /**
     * Client settings (security protocol, SASL, SSL) needed to talk to the client listener: used by the startup
     * check and handed out by {@link EmbeddedKafkaBroker#clientProperties()}.
     */
    public Builder optClientProperties(Map<String, ?> properties) {
      this.clientProperties.putAll(properties);
      return this;
    }

    /**
     * Makes this broker one node of a multi-node cluster: its node id and the controller ports of every voter (its
     * own included, which replaces {@link #optControllerPort(int)}). Give each node its own data directory and the
     * same {@link #optClusterId(String)}, and raise the replication defaults with {@link #optBrokerProperties(Map)}
     * ({@code default.replication.factor}, {@code min.insync.replicas}, {@code offsets.topic.replication.factor},
     * {@code transaction.state.log.replication.factor}, {@code transaction.state.log.min.isr}). {@link
     * EmbeddedKafkaBroker#start()} returns once a quorum has formed, so start the nodes concurrently.
     */
    public Builder optQuorum(ControllerQuorum quorum) {
      this.quorum = Objects.requireNonNull(quorum, "quorum");
      return this;
    }

    /** How long {@link EmbeddedKafkaBroker#start()} waits for the first metadata answer; default 60 s. */
    public Builder optStartupTimeout(Duration startupTimeout) {
      if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** The broker, not yet started. */
    public EmbeddedKafkaBroker build() {
      if (dataDirectory == null) {
        throw new IllegalArgumentException("dataDirectory is required: call setDataDirectory(path)");
      }
      if (security != null) {
        BrokerProperties.checkExtrasAgainst(security, brokerProperties);
      }
      if (quorum != null && controllerPort != 0 && controllerPort != quorum.controllerPort()) {
        throw new IllegalArgumentException("controllerPort " + controllerPort + " differs from node "
            + quorum.nodeId() + "'s port " + quorum.controllerPort() + " in the quorum; set only the quorum");
      }
      if (quorum != null && quorum.size() > 1 && security != null) {
        throw new IllegalArgumentException("a secured broker runs as a single node: its controller listener's"
            + " credentials are not shared with other voters; leave optSecurity off for a multi-node quorum");
      }
      return new EmbeddedKafkaBroker(this);
    }

    private static int checkPort(String name, int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be 0..65535 (0 = pick a free port), was " + port);
      }
      return port;
    }
  }
}
