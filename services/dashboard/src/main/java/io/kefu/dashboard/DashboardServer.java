package io.kefu.dashboard;

import io.kefu.dashboard.action.OperatorActions;
import io.kefu.dashboard.auth.OperatorTokens;
import io.kefu.dashboard.http.DashboardHttpServer;
import io.kefu.dashboard.ingest.LagSampler;
import io.kefu.dashboard.ingest.RecordRouter;
import io.kefu.dashboard.ingest.TopicFeed;
import io.kefu.dashboard.metrics.DashboardMetrics;
import io.kefu.dashboard.view.DashboardState;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator dashboard as a service: reads Kefu's topics into in-memory views, samples consumer lag, serves the
 * live page and JSON API behind operator tokens, and writes operators' actions to Kafka.
 *
 * <pre>{@code
 * DashboardServer dashboard = new DashboardServer(config);
 * System.out.println(dashboard.adminToken());   // configured, or generated now
 * dashboard.start();                             // returns once the page is served; the views fill in the background
 * System.out.println(dashboard.url());
 * dashboard.stop();                              // final: a stopped dashboard is not started again
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final DashboardOptions options;
  private final SchemaRegistryClient registry;
  private final boolean ownsRegistry;
  private final OperatorTokens tokens;
  private final Clock clock;
  private final String instanceId = UUID.randomUUID().toString();

  private DashboardMetrics metrics;
  private TopicFeed feed;
  private KafkaProducer<byte[], byte[]> producer;
  private Admin admin;
  private ScheduledExecutorService lagSampling;
  private DashboardHttpServer http;
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private int port = -1;
  private boolean started;
  private boolean stopped;

  /** A dashboard for {@code config}, with a registry client built from its {@code schema.registry.*} settings. */
  public DashboardServer(KefuConfig config) {
    this(DashboardOptions.fromConfig(config), SchemaRegistryClients.fromConfig(config.schemaRegistryProperties()),
        true, Clock.systemUTC());
  }

  /** A dashboard for {@code config} that uses {@code registry} (not closed by the dashboard). */
  public DashboardServer(KefuConfig config, SchemaRegistryClient registry) {
    this(DashboardOptions.fromConfig(config), registry, false, Clock.systemUTC());
  }

  private DashboardServer(DashboardOptions options, SchemaRegistryClient registry, boolean ownsRegistry,
      Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.ownsRegistry = ownsRegistry;
    this.clock = clock;
    this.tokens = OperatorTokens.resolve(options.adminToken(), options.viewerToken(), options.adminName(),
        new SecureRandom());
    if (tokens.adminGenerated()) {
      log.warn("dashboard.admin.token is not set; generated admin token for this run: {}", tokens.adminToken());
    }
    if (tokens.viewerGenerated()) {
      log.warn("dashboard.viewer.token is not set; generated viewer token for this run: {}", tokens.viewerToken());
    }
  }

  /**
   * Starts reading the topics, sampling lag and serving HTTP; returns once the page is served.
   *
   * @throws IllegalStateException when already started or stopped
   */
  public synchronized void start() {
    if (started || stopped) {
      throw new IllegalStateException("the dashboard is " + (stopped ? "stopped; make a new one" : "already started"));
    }
    started = true;
    try {
      startUnchecked();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void startUnchecked() {
    metrics = new DashboardMetrics();
    KefuTopics topics = KefuTopics.create(TopicCatalogue.load(options.topicPrefix()), registry,
        options.autoRegisterSchemas());
    DashboardState state = new DashboardState(clock, options.history(), options.recentConversations(),
        options.handoffsMax(), RecordRouter.dlqTopics(topics.catalogue()));
    RecordRouter router = new RecordRouter(topics, state, metrics);

    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    bind(new KafkaClientMetrics(consumer));
    feed = new TopicFeed(consumer, router, options.history(), clock);

    producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    bind(new KafkaClientMetrics(producer));
    OperatorActions actions = new OperatorActions(producer, topics, state, clock, SEND_TIMEOUT);

    admin = Admin.create(clientProperties("admin"));
    LagSampler lag = new LagSampler(admin, state.lag(), clock);

    http = new DashboardHttpServer(tokens, state, actions, metrics, options.pushInterval(), feed::isLive,
        feed::isReady, feed::missingTopics);
    metrics.gauge("kefu.dashboard.handoffs.open", "Open handoffs waiting for an operator",
        () -> state.handoffs().snapshot(0).open());

    feed.start();
    lagSampling = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kefu-dashboard-lag");
      t.setDaemon(true);
      return t;
    });
    lagSampling.scheduleWithFixedDelay(lag::sampleOnce, 0, options.lagInterval().toMillis(), TimeUnit.MILLISECONDS);
    port = http.start(options.host(), options.port());
    log.info("operator dashboard serving {} (admin token {}, viewer token {})", url(),
        tokens.adminGenerated() ? "generated" : "configured", tokens.viewerGenerated() ? "generated" : "configured");
  }

  private void bind(KafkaClientMetrics binder) {
    binder.bindTo(metrics.registry());
    clientMetrics.add(binder);
  }

  private Map<String, Object> clientProperties(String role) {
    Map<String, Object> props = new HashMap<>(options.kafkaProperties());
    props.put("client.id", "kefu-dashboard-" + role + "-" + instanceId.substring(0, 8));
    return props;
  }

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = clientProperties("feed");
    // A group of its own per instance: every dashboard sees every record, and none commits offsets.
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "kefu-dashboard-" + instanceId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return props;
  }

  private Map<String, Object> producerProperties() {
    Map<String, Object> props = clientProperties("actions");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
    return props;
  }

  /** Stops serving, reading and sampling, and closes every client; safe to call more than once. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (http != null) {
      http.stop();
    }
    if (lagSampling != null) {
      lagSampling.shutdownNow();
    }
    if (feed != null) {
      feed.stop(STOP_TIMEOUT);
    }
    clientMetrics.forEach(KafkaClientMetrics::close);
    if (producer != null) {
      producer.close(STOP_TIMEOUT);
    }
    if (admin != null) {
      admin.close(STOP_TIMEOUT);
    }
    if (metrics != null) {
      metrics.close();
    }
    if (ownsRegistry) {
      registry.close();
    }
    log.info("operator dashboard stopped");
  }

  @Override
  public void close() {
    stop();
  }

  /** The port the page is served on; only once started. */
  public synchronized int port() {
    if (port < 0) {
      throw new IllegalStateException("the dashboard is not started");
    }
    return port;
  }

  /** The page's base URL, e.g. {@code http://127.0.0.1:8080/}; only once started. */
  public synchronized String url() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port() + "/";
  }

  /** The admin token: configured, or generated when this dashboard was made. */
  public String adminToken() {
    return tokens.adminToken();
  }

  /** The viewer token: configured, or generated when this dashboard was made. */
  public String viewerToken() {
    return tokens.viewerToken();
  }

  /** Both tokens, and whether each was generated. */
  public OperatorTokens tokens() {
    return tokens;
  }

  /** The record feed runs. */
  public boolean isLive() {
    return feed != null && feed.isLive();
  }

  /** Every followed topic is assigned and the model registry is read to its end. */
  public boolean isReady() {
    return feed != null && feed.isReady();
  }

  /** Followed topics that do not exist yet. */
  public Set<String> missingTopics() {
    return feed == null ? Set.of() : feed.missingTopics();
  }
}
