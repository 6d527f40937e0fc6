package io.kefu.feedback;

import io.kefu.feedback.http.AggregatesQuery;
import io.kefu.feedback.http.FeedbackHttpApi;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.redaction.PiiRedactor;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback stream as a service: creates the topics, builds the topology, runs Kafka Streams with exactly_once_v2
 * and serves the HTTP API (aggregates, health, metrics) until stopped.
 *
 * <pre>{@code
 * FeedbackStreamService service = new FeedbackStreamService(config);
 * service.start();            // returns once Kafka Streams is started; health() turns UP when it runs
 * ...
 * service.stop();            // final: a stopped service is not started again
 * }</pre>
 */
public final class FeedbackStreamService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedbackStreamService.class);
  private static final long ADMIN_TIMEOUT_SECONDS = 60;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KefuConfig config;
  private final SchemaRegistryClient registry;
  private final boolean ownsRegistry;
  private final PiiRedactor redactor;
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FeedbackCounters counters = new FeedbackCounters(meters);

  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private FeedbackHttpApi http;
  private AggregatesQuery aggregates;
  private boolean stopped;

  /** A service for {@code config}, with a registry client built from its {@code schema.registry.*} settings. */
  public FeedbackStreamService(KefuConfig config) {
    this(config, SchemaRegistryClients.fromConfig(config.schemaRegistryProperties()), true, new PiiRedactor());
  }

  /** A service for {@code config} that uses {@code registry} (not closed by the service) and {@code redactor}. */
  public FeedbackStreamService(KefuConfig config, SchemaRegistryClient registry, PiiRedactor redactor) {
    this(config, registry, false, redactor);
  }

  private FeedbackStreamService(KefuConfig config, SchemaRegistryClient registry, boolean ownsRegistry,
      PiiRedactor redactor) {
    this.config = Objects.requireNonNull(config, "config");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.ownsRegistry = ownsRegistry;
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    // JVM figures beside the service's own, so one scrape shows heap, threads and CPU.
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(meters);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(meters);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(meters);
    new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(meters);
  }

  /** Creates missing topics (when {@code topic.create}), starts the HTTP API and Kafka Streams. */
  public synchronized void start() {
    if (streams != null || stopped) {
      throw new IllegalStateException(
          "the feedback stream is " + (stopped ? "stopped; make a new service" : "already started"));
    }
    try {
      startUnchecked();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void startUnchecked() {
    TopicCatalogue catalogue = TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX));
    FeedbackTopics topics = FeedbackTopics.from(catalogue);
    int feedbackPartitions = prepareTopics(catalogue, topics.feedback());
    FeedbackTopologySettings settings = FeedbackTopologySettings.from(config, feedbackPartitions);
    FeedbackSerdes serdes = FeedbackSerdes.create(registry, config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER));

    String host = config.get(CoreSettings.HTTP_HOST);
    aggregates = AggregatesQuery.of(this::runningStreams, settings.windowSize());
    http = new FeedbackHttpApi(aggregates, this::health, meters::scrape, Clock.systemUTC())
        .start(host, config.getInt(FeedbackSettings.HTTP_PORT));

    Properties props = FeedbackStreamsConfig.fromConfig(config, host + ":" + http.port(), counters);
    StreamsBuilder builder = new StreamsBuilder();
    FeedbackTopology.build(builder, settings, topics, serdes, redactor, counters);
    Topology topology = builder.build();
    log.debug("feedback stream topology:\n{}", topology.describe());
    streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(e -> {
      log.error("a feedback stream thread died; replacing it (processing resumes from the last commit)", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> log.info("feedback stream {} -> {}", before, now));
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
    streams.start();
    log.info("feedback stream started: application {}, {} internal partition(s), HTTP API on {}:{}",
        props.get("application.id"), feedbackPartitions, host, http.port());
  }

  /** Stops Kafka Streams (committing what was processed), the HTTP API, and the registry client if owned. */
  public synchronized void stop() {
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streams = null;
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
      streamsMetrics = null;
    }
    if (http != null) {
      http.stop();
      http = null;
    }
    if (ownsRegistry && !stopped) {
      registry.close();
    }
    stopped = true;
  }

  @Override
  public void close() {
    stop();
  }

  /** UP while Kafka Streams runs or rebalances. */
  public FeedbackHealth health() {
    KafkaStreams current = streams;
    if (current == null) {
      return new FeedbackHealth(false, "NOT_STARTED");
    }
    KafkaStreams.State state = current.state();
    return new FeedbackHealth(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING,
        state.name());
  }

  /** The port of the HTTP API. */
  public synchronized int httpPort() {
    if (http == null) {
      throw new IllegalStateException("the feedback stream is not started");
    }
    return http.port();
  }

  /** Interactive queries of the aggregates. */
  public synchronized AggregatesQuery aggregates() {
    if (aggregates == null) {
      throw new IllegalStateException("the feedback stream is not started");
    }
    return aggregates;
  }

  /** The service's own counters (dead letters, ignored ratings, examples written). */
  public FeedbackCounters counters() {
    return counters;
  }

  private KafkaStreams runningStreams() {
    KafkaStreams current = streams;
    if (current == null) {
      throw new InvalidStateStoreException("the feedback stream is not running");
    }
    return current;
  }

  /** Creates missing topics when asked to and returns the partition count of the feedback topic. */
  private int prepareTopics(TopicCatalogue catalogue, String feedbackTopic) {
    Map<String, Object> clientProps = config.kafkaClientProperties();
    try (Admin admin = Admin.create(clientProps)) {
      if (config.getBoolean(CoreSettings.TOPIC_CREATE)) {
        new TopicAdmin(admin).ensureTopics(catalogue.all());
      }
      TopicDescription description = admin.describeTopics(List.of(feedbackTopic)).allTopicNames()
          .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(feedbackTopic);
      return description.partitions().size();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe topic " + feedbackTopic + " (is it created? topic.create="
          + config.get(CoreSettings.TOPIC_CREATE) + "): " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + clientProps.get("bootstrap.servers") + " did not describe "
          + feedbackTopic + " within " + ADMIN_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + feedbackTopic, e);
    }
  }
}
