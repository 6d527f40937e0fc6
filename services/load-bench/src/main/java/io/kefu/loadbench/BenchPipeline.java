package io.kefu.loadbench;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.reply.ReplyOptions;
import io.kefu.reply.ReplyService;
import io.kefu.reply.ReplySettings;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Everything the load runs through, started in order and closed in reverse: an embedded broker and registry (or an
 * existing cluster and registry named by {@code bootstrap.servers} and {@code schema.registry.url}), the real reply
 * service answering with the model through a {@link TimedReplyGenerator}, the platform's {@link PacedProducer}
 * and {@link ReplyWatcher}, and a {@link LagProbe} on the service's group.
 */
public final class BenchPipeline implements AutoCloseable {
  /** How long the reply service may take to be assigned its partitions. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final GenerationTimes times = new GenerationTimes();
  private final String runId;
  private final KefuConfig config;
  private ReplyLedger ledger;
  private ReplyService service;
  private PacedProducer producer;
  private ReplyWatcher watcher;
  private LagProbe lag;

  private BenchPipeline(String runId, KefuConfig config) {
    this.runId = runId;
    this.config = config;
  }

  /**
   * Starts the pipeline in {@code runDirectory} with {@code model}; on failure closes what it started and rethrows.
   */
  public static BenchPipeline start(LoadOptions options, BenchModel model, Path runDirectory, String runId) {
    if (options.externalCluster()) {
      BenchPipeline pipeline = new BenchPipeline(runId, serviceConfig(options, Map.of(), runDirectory));
      pipeline.startServices(options, model, pipeline.config.kafkaClientProperties());
      return pipeline;
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().setDataDirectory(runDirectory.resolve("kafka")).build();
    List<AutoCloseable> early = new ArrayList<>();
    try {
      broker.start();
      early.add(broker);
      EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
          .setBootstrapServers(broker.bootstrapServers()).optPort(0).optTopicReplication((short) 1).build());
      registry.start();
      early.add(registry);
      BenchPipeline pipeline = new BenchPipeline(runId, serviceConfig(options,
          Map.of("bootstrap.servers", broker.bootstrapServers(), "schema.registry.url", registry.url()), runDirectory));
      pipeline.started.addAll(early);
      early.clear();
      pipeline.startServices(options, model, broker.clientProperties());
      return pipeline;
    } catch (RuntimeException e) {
      for (int i = early.size() - 1; i >= 0; i--) {
        closeQuietly(early.get(i), e);
      }
      throw e;
    }
  }

  private static KefuConfig serviceConfig(LoadOptions options, Map<String, String> cluster, Path runDirectory) {
    Map<String, String> settings = new LinkedHashMap<>(cluster);
    settings.put("data.dir", runDirectory.toString());
    settings.put(ReplySettings.HTTP_PORT, "0");
    settings.put(ReplySettings.INSTANCE_ID, "load-bench");
    settings.put(ReplySettings.MAX_NEW_TOKENS, Integer.toString(options.maxNewTokens()));
    settings.putAll(options.replySettings());
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), settings);
  }

  private void startServices(LoadOptions options, BenchModel model, Map<String, Object> clients) {
    try {
      ReplyOptions reply = ReplyOptions.from(config);
      GenerationEngine engine = new GenerationEngine(model.model(),
          reply.engineOptions().withMaxBatch(options.engineBatch()));
      started.add(engine);
      service = new ReplyService(config, new TimedReplyGenerator(
          new EngineReplyGenerator(engine, reply.sampling()), times));
      service.start();
      started.add(service);
      awaitReady();
      TopicCatalogue topics = TopicCatalogue.load(config.get("topic.prefix"));
      SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.schemaRegistryProperties());
      started.add(registry);
      ledger = new ReplyLedger(runId, times);
      watcher = new ReplyWatcher(clients, options.platformFetchMaxWait(), topics.name(TopicNames.AGENT_REPLIES),
          registry, ledger);
      started.add(watcher);
      watcher.start();
      producer = new PacedProducer(clients, options.platformLinger(), topics.name(TopicNames.CUSTOMER_MESSAGES),
          registry, new MessageFeed(options.conversations(), 600, runId), ledger);
      started.add(producer);
      lag = new LagProbe(clients, config.get(ReplySettings.GROUP_ID), topics.name(TopicNames.CUSTOMER_MESSAGES));
      started.add(lag);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!service.isReady()) {
      if (!service.isLive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the reply service was not ready within " + READY_TIMEOUT.toSeconds()
            + " s (live: " + service.isLive() + ")");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // readiness has no callback to wait on
    }
  }

  /** The platform's producer. */
  public PacedProducer producer() {
    return producer;
  }

  /** What was sent and answered. */
  public ReplyLedger ledger() {
    return ledger;
  }

  /** The reply service's lag. */
  public LagProbe lag() {
    return lag;
  }

  /** The reply service under load. */
  public ReplyService service() {
    return service;
  }

  /** The reply watcher's failure, or null. */
  public Throwable watcherFailure() {
    return watcher == null ? null : watcher.failure();
  }

  /** The reply service's resolved settings. */
  public KefuConfig config() {
    return config;
  }

  /** Closes everything started, last first. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      closeQuietly(started.get(i), null);
    }
    started.clear();
  }

  private static void closeQuietly(AutoCloseable resource, Throwable primary) {
    try {
      resource.close();
    } catch (Exception e) {
      if (primary != null) {
        primary.addSuppressed(e);
      } else {
        org.slf4j.LoggerFactory.getLogger(BenchPipeline.class)
            .warn("closing {} failed", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
