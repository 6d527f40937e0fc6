package io.kefu.reply;

import io.kefu.corpus.HumanRequestDetector;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.kafka.topic.TopicSpec;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.handoff.HandoffPolicy;
import io.kefu.reply.http.HealthServer;
import io.kefu.reply.http.ReplyMetrics;
import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.MemoryRestorer;
import io.kefu.reply.memory.avro.ConversationSnapshot;
import io.kefu.reply.pipeline.ClientProperties;
import io.kefu.reply.pipeline.MessageResponder;
import io.kefu.reply.pipeline.OutcomeRecords;
import io.kefu.reply.pipeline.PipelinedReplyLoop;
import io.kefu.reply.pipeline.RecordAdmission;
import io.kefu.reply.pipeline.ReplyTopics;
import io.kefu.reply.pipeline.TransactionalProducer;
import io.kefu.reply.validate.MessageValidator;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply service: answers customer-messages with the language model, exactly once, through Kafka transactions.
 *
 * <p>Construct it with resolved settings and the generator it serves, {@link #start()} it, and {@link #stop()} it;
 * the caller keeps ownership of the generator (and the engine and model behind it):
 *
 * <pre>{@code
 * KefuConfig config = KefuConfig.load(configFile, overrides);
 * try (LanguageModel model = ...; GenerationEngine engine = new GenerationEngine(model, EngineOptions.defaults())) {
 *   ReplyService service = ReplyService.forEngine(config, engine);
 *   service.start();               // returns at once; isReady() once partitions are assigned and memory restored
 *   ...
 *   service.stop();                // finishes the current poll, closes clients and the HTTP endpoints
 * }
 * }</pre>
 */
public final class ReplyService implements AutoCloseable {
  /** Name of this service in DLQ headers and logs. */
  public static final String SERVICE_NAME = "reply-service";

  private static final Logger log = LoggerFactory.getLogger(ReplyService.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final KefuConfig config;
  private final ReplyOptions options;
  private final ReplyGenerator generator;
  private final PrometheusMeterRegistry meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<Producer<byte[], byte[]>, KafkaClientMetrics> producerMetrics = new ConcurrentHashMap<>();

  private PipelinedReplyLoop loop;
  private Thread loopThread;
  private HealthServer http;
  private int httpPort = -1;

  /**
   * A service answering with {@code generator}; a customer asking for a person in English or Chinese (as
   * {@link HumanRequestDetector} recognises it) is handed off without asking the model.
   *
   * @throws io.kefu.kafka.config.ConfigException naming the setting when a reply setting is out of range
   */
  public ReplyService(KefuConfig config, ReplyGenerator generator) {
    this.config = config;
    this.options = ReplyOptions.from(config);
    this.generator = generator;
    // JVM figures beside the service's own, so one scrape shows heap, threads and CPU.
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(meterRegistry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(meterRegistry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(meterRegistry);
    new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(meterRegistry);
  }

  /** A service answering with {@code engine}, decoding as the {@code reply.generation.*} settings say. */
  public static ReplyService forEngine(KefuConfig config, GenerationEngine engine) {
    return new ReplyService(config, new EngineReplyGenerator(engine, ReplyOptions.from(config).sampling()));
  }

  /**
   * Creates missing topics (when {@code topic.create} is set), checks that conversation-turns is partitioned like
   * customer-messages, starts the HTTP endpoints and the poll loop; returns once they run (readiness follows when
   * partitions are assigned and their memory is restored).
   */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("reply service instance " + options.instanceId() + " is already started");
    }
    TopicCatalogue catalogue = TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX));
    ReplyTopics topics = ReplyTopics.from(catalogue);
    ClientProperties clients = new ClientProperties(config.kafkaClientProperties(), options.groupId(),
        options.instanceId(), options.maxPollRecords(), options.generationTimeout());
    KafkaConsumer<byte[], byte[]> consumer = null;
    try {
      Admin admin = own(Admin.create(clients.admin()));
      if (config.getBoolean(CoreSettings.TOPIC_CREATE)) {
        new TopicAdmin(admin).ensureTopics(specs(catalogue));
      }
      checkPartitioning(admin, topics);

      SchemaRegistryClient registry = own(SchemaRegistryClients.fromConfig(config.schemaRegistryProperties()));
      boolean autoRegister = config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER);
      ConversationMemory memory = new ConversationMemory();
      KafkaConsumer<byte[], byte[]> restoreConsumer = own(new KafkaConsumer<>(clients.restoreConsumer()));
      MemoryRestorer restorer = new MemoryRestorer(restoreConsumer, admin, topics.conversationTurns(),
          KefuAvroDeserializer.of(ConversationSnapshot.class, registry), RESTORE_TIMEOUT);
      Clock clock = Clock.systemUTC();
      MessageResponder responder = new MessageResponder(generator,
          new HandoffPolicy(options.handoffConfidence(), HumanRequestDetector::asksForHuman), options.memoryTurns(),
          options.memoryMessageIds(), clock);
      KefuTopics typed = KefuTopics.create(catalogue, registry, autoRegister);
      RecordAdmission admission = new RecordAdmission(
          new RecordDecoder<>(typed.customerMessages().valueSerde().deserializer(), SERVICE_NAME),
          new MessageValidator(options.limits()), SERVICE_NAME);
      OutcomeRecords outcomeRecords = new OutcomeRecords(topics, typed.agentReplies().valueSerde().serializer(),
          typed.handoffs().valueSerde().serializer(),
          new KefuAvroSerializer<ConversationSnapshot>(registry, false, autoRegister), clock);

      ReplyMetrics metrics = new ReplyMetrics(meterRegistry);
      metrics.modelVersion(generator.modelVersion());
      consumer = new KafkaConsumer<>(clients.consumer());
      own(new KafkaClientMetrics(consumer)).bindTo(meterRegistry);
      TransactionalProducer producer = new TransactionalProducer(() -> new KafkaProducer<>(clients.producer()),
          this::bindProducerMetrics, this::unbindProducerMetrics);
      loop = new PipelinedReplyLoop(consumer, producer, topics.customerMessages(), admission, responder,
          outcomeRecords, memory, restorer, metrics, new PipelinedReplyLoop.Pacing(options.pollTimeout(),
              options.commitInterval(), options.maxPollRecords(), options.maxInFlight(), options.generationTimeout(),
              options.generationMaxAttempts(), options.retryBackoff(), options.memoryMessageIds()), clock,
          SERVICE_NAME);

      http = new HealthServer(meterRegistry, loop::isLive, loop::isReady);
      httpPort = http.start(config.get(CoreSettings.HTTP_HOST), options.httpPort());
      loopThread = new Thread(loop, "kefu-reply-loop-" + options.instanceId());
      loopThread.start();
      log.info("reply service {} started: group {}, transactional.id {}, {} -> {} / {}, health and metrics on port {}",
          options.instanceId(), options.groupId(), clients.transactionalId(), topics.customerMessages(),
          topics.agentReplies(), topics.handoffs(), httpPort);
    } catch (RuntimeException e) {
      if (consumer != null && loopThread == null) {
        consumer.close(); // the loop owns the consumer only once it runs
      }
      if (http != null && loopThread == null) {
        http.stop();
      }
      closeResources();
      loop = null;
      throw e;
    }
  }

  /**
   * Stops the loop, committing the outcomes already finished (in-flight generations are dropped and redone by the
   * partitions' next owner), and closes clients and the HTTP server.
   */
  public synchronized void stop() {
    if (loop == null) {
      return;
    }
    loop.requestStop();
    try {
      if (!loop.awaitFinished(STOP_TIMEOUT)) {
        log.warn("reply loop of {} did not stop within {}", options.instanceId(), STOP_TIMEOUT);
      }
      loopThread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping reply service {}", options.instanceId());
    } finally {
      http.stop();
      closeResources();
      loop = null;
      log.info("reply service {} stopped", options.instanceId());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** True once partitions are assigned and their conversation memory is restored. */
  public boolean isReady() {
    PipelinedReplyLoop current = loop;
    return current != null && current.isReady();
  }

  /** True while the poll loop runs. */
  public boolean isLive() {
    PipelinedReplyLoop current = loop;
    return current != null && current.isLive();
  }

  /** The port the health and metrics endpoints listen on; -1 before start. */
  public int httpPort() {
    return httpPort;
  }

  /** This instance's name (client ids, transactional.id). */
  public String instanceId() {
    return options.instanceId();
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry meterRegistry() {
    return meterRegistry;
  }

  private static List<TopicSpec> specs(TopicCatalogue catalogue) {
    return List.of(catalogue.spec(TopicNames.CUSTOMER_MESSAGES),
        catalogue.spec(TopicNames.CUSTOMER_MESSAGES + TopicCatalogue.DLQ_SUFFIX),
        catalogue.spec(TopicNames.AGENT_REPLIES), catalogue.spec(TopicNames.HANDOFFS),
        catalogue.spec(TopicNames.CONVERSATION_TURNS));
  }

  /** Memory partition p belongs with customer-messages partition p, which needs equal partition counts. */
  private static void checkPartitioning(Admin admin, ReplyTopics topics) {
    Map<String, TopicDescription> d = describe(admin, List.of(topics.customerMessages(), topics.conversationTurns()));
    int messages = d.get(topics.customerMessages()).partitions().size();
    int turns = d.get(topics.conversationTurns()).partitions().size();
    if (messages != turns) {
      throw new IllegalStateException(topics.conversationTurns() + " has " + turns + " partitions but "
          + topics.customerMessages() + " has " + messages + "; they must be equal because conversation memory"
          + " of customer-messages partition p is kept in conversation-turns partition p");
    }
  }

  /** Describes topics, waiting for ones just created to reach the broker's metadata. */
  private static Map<String, TopicDescription> describe(Admin admin, List<String> names) {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (true) {
      try {
        return admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot describe " + names + ": " + e.getCause().getMessage(), e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("Kafka did not describe " + names + " within " + ADMIN_TIMEOUT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while describing " + names, e);
      }
      pause(Duration.ofMillis(100));
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis()); // metadata of new topics propagates asynchronously; nothing to wait on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for topic metadata", e);
    }
  }

  private void bindProducerMetrics(Producer<byte[], byte[]> producer) {
    KafkaClientMetrics binder = new KafkaClientMetrics(producer);
    binder.bindTo(meterRegistry);
    producerMetrics.put(producer, binder);
  }

  private void unbindProducerMetrics(Producer<byte[], byte[]> producer) {
    KafkaClientMetrics binder = producerMetrics.remove(producer);
    if (binder != null) {
      binder.close();
    }
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  private void closeResources() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("closing {} failed", resources.get(i).getClass().getSimpleName(), e);
      }
    }
    resources.clear();
    producerMetrics.values().forEach(KafkaClientMetrics::close);
    producerMetrics.clear();
  }
}
