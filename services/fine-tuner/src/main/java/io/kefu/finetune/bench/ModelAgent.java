package io.kefu.finetune.bench;

import ai.djl.Device;
import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.corpus.HumanRequestDetector;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.Topic;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.canary.CanaryRouter;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.GenerationResult;
import io.kefu.model.generate.StopReason;
import io.kefu.model.store.FileSystemModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's stand-in for the reply service: answers customer-messages with the model versions the registry
 * names, through one continuous-batching engine per version. A conversation goes to the CANARY version when
 * {@link CanaryRouter} routes it there, else to the ACTIVE one; a customer asking for a person, or a reply that was
 * cut off or whose confidence is below the policy's threshold, is handed off (a HandoffRequest and a SYSTEM holding
 * reply). Versions are loaded from the model store (checksums verified, manifest hash compared with the registry's)
 * when they become ACTIVE or CANARY and closed when they stop being either.
 *
 * <p>The reply service is not used because its generator interface does not see the conversationId, which the
 * sticky canary rule needs. At-least-once: offsets are committed after each poll's replies are acknowledged.
 */
final class ModelAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelAgent.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GENERATION_TIMEOUT = Duration.ofMinutes(5);
  private static final String HOLDING_EN =
      "Thanks for your patience. I'm passing your conversation to a member of our team, who will reply here shortly.";
  private static final String HOLDING_ZH = "感谢您的耐心等待，正在为您转接人工客服，请稍候，客服人员会尽快在这里回复您。";

  private final Map<String, Object> kafka;
  private final KefuTopics topics;
  private final ModelRegistryView view;
  private final FileSystemModelStore store;
  private final String modelName;
  private final Device device;
  private final ReplyPolicy policy;
  private final Clock clock;
  private final Map<String, Served> served = new HashMap<>();
  private final Set<String> sentMessages = ConcurrentHashMap.newKeySet();
  private KafkaConsumer<String, CustomerMessage> consumer;
  private KafkaProducer<byte[], byte[]> producer;
  private Thread thread;
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  private record Served(LanguageModel model, GenerationEngine engine) {}

  private record Pending(CustomerMessage message, CompletableFuture<GenerationResult> reply) {}

  ModelAgent(Map<String, Object> kafka, KefuTopics topics, ModelRegistryView view, FileSystemModelStore store,
      String modelName, Device device, ReplyPolicy policy, Clock clock) {
    this.kafka = Map.copyOf(kafka);
    this.topics = topics;
    this.view = view;
    this.store = store;
    this.modelName = modelName;
    this.device = device;
    this.policy = policy;
    this.clock = clock;
  }

  /** Starts answering on a background thread. */
  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("model agent is already started");
    }
    Map<String, Object> consumerProps = new HashMap<>(kafka);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "flywheel-agent");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) GENERATION_TIMEOUT.multipliedBy(2).toMillis());
    consumer = new KafkaConsumer<>(consumerProps, topics.customerMessages().keySerde().deserializer(),
        topics.customerMessages().valueSerde().deserializer());
    Map<String, Object> producerProps = new HashMap<>(kafka);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    thread = new Thread(this::loop, "kefu-flywheel-agent");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(topics.customerMessages().name()));
      while (!stopping) {
        ConsumerRecords<String, CustomerMessage> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          answer(records);
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        failure = new IllegalStateException("model agent was woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      failure = e;
      log.error("model agent failed and stopped answering", e);
    } finally {
      consumer.close();
      producer.close(Duration.ofSeconds(30));
      served.values().forEach(ModelAgent::close);
      served.clear();
    }
  }

  private void answer(ConsumerRecords<String, CustomerMessage> records) {
    ModelVersion active = view.active(modelName).orElseThrow(() -> new IllegalStateException(
        "customer messages arrived but " + modelName + " has no ACTIVE version to answer with"));
    Optional<ModelVersion> canary = view.canary(modelName);
    retireAllBut(active, canary);
    List<Pending> pending = new ArrayList<>();
    for (ConsumerRecord<String, CustomerMessage> record : records) {
      CustomerMessage message = record.value();
      if (message == null) {
        continue;
      }
      sentMessages.add(message.getText());
      if (HumanRequestDetector.asksForHuman(message.getText())) {
        pending.add(new Pending(message, null));
        continue;
      }
      ModelVersion version = canary.filter(c -> CanaryRouter.routesToCanary(message.getConversationId(),
          c.getCanaryShare())).orElse(active);
      pending.add(new Pending(message, serve(version).engine()
          .submit(policy.request(message.getConversationId(), message.getText()))));
    }
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Pending p : pending) {
      sends.addAll(p.reply() == null ? handOff(p.message(), HandoffReason.CUSTOMER_ASKED, null, 0.0)
          : respond(p.message(), await(p)));
    }
    producer.flush();
    for (CompletableFuture<?> send : sends) {
      await(send);
    }
  }

  private List<CompletableFuture<?>> respond(CustomerMessage message, GenerationResult result) {
    double confidence = Math.exp(result.meanLogProb());
    if (policy.handsOff(confidence, result.stopReason() == StopReason.END_TOKEN)) {
      return handOff(message, HandoffReason.LOW_CONFIDENCE, result.modelVersion(), confidence);
    }
    AgentReply reply = reply(message, "r-" + message.getMessageId(), result.text(), AuthorKind.MODEL)
        .setModelVersion(result.modelVersion())
        .setConfidence(confidence)
        .setLatencyMs(result.latencyNanos() / 1_000_000)
        .build();
    return List.of(send(topics.agentReplies(), message.getConversationId(), reply));
  }

  private List<CompletableFuture<?>> handOff(CustomerMessage message, HandoffReason reason, String modelVersion,
      double confidence) {
    HandoffRequest handoff = HandoffRequest.newBuilder()
        .setHandoffId("h-" + message.getMessageId())
        .setConversationId(message.getConversationId())
        .setMessageId(message.getMessageId())
        .setReason(reason)
        .setConfidence(confidence)
        .setModelVersion(modelVersion)
        .setLocale(message.getLocale())
        .setTranscript(List.of(new Turn(Role.CUSTOMER, message.getText())))
        .setCreatedAt(clock.instant())
        .build();
    AgentReply holding = reply(message, "hold-" + message.getMessageId(),
        message.getLocale() == Locale.ZH ? HOLDING_ZH : HOLDING_EN, AuthorKind.SYSTEM)
        .setHandedOff(true)
        .build();
    return List.of(send(topics.handoffs(), message.getConversationId(), handoff),
        send(topics.agentReplies(), message.getConversationId(), holding));
  }

  private AgentReply.Builder reply(CustomerMessage message, String replyId, String text, AuthorKind author) {
    return AgentReply.newBuilder()
        .setReplyId(replyId)
        .setConversationId(message.getConversationId())
        .setInReplyTo(message.getMessageId())
        .setText(text)
        .setLocale(message.getLocale())
        .setAuthor(author)
        .setModelVersion(null)
        .setContext(List.of(new Turn(Role.CUSTOMER, message.getText())))
        .setCreatedAt(clock.instant());
  }

  private <V> CompletableFuture<?> send(Topic<String, V> topic, String key, V value) {
    CompletableFuture<Object> sent = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
        topic.valueSerde().serializer().serialize(topic.name(), value)), (metadata, error) -> {
      if (error != null) {
        sent.completeExceptionally(error);
      } else {
        sent.complete(metadata);
      }
    });
    return sent;
  }

  private Served serve(ModelVersion version) {
    return served.computeIfAbsent(version.getVersion(), v -> load(version));
  }

  private Served load(ModelVersion version) {
    try {
      String stored = store.manifestSha256(version.getVersion());
      if (!stored.equals(version.getManifestSha256())) {
        throw new IllegalStateException("artifact of " + version.getVersion() + " has manifest SHA-256 " + stored
            + " but model-versions says " + version.getManifestSha256() + "; refusing to serve it");
      }
      LanguageModel model = store.load(version.getVersion(), device);
      log.info("serving {} {} (share {})", version.getVersion(), version.getStatus(), version.getCanaryShare());
      return new Served(model, new GenerationEngine(model, new EngineOptions(64, 8192, 0, 16)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + version.getVersion() + " from " + store.directory(
          version.getVersion()), e);
    }
  }

  private void retireAllBut(ModelVersion active, Optional<ModelVersion> canary) {
    for (Iterator<Map.Entry<String, Served>> it = served.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Served> entry = it.next();
      String version = entry.getKey();
      if (!version.equals(active.getVersion()) && canary.map(c -> !c.getVersion().equals(version)).orElse(true)) {
        close(entry.getValue());
        it.remove();
        log.info("stopped serving {}", version);
      }
    }
  }

  private static void close(Served served) {
    served.engine().close();
    served.model().close();
  }

  private static GenerationResult await(Pending pending) {
    return await(pending.reply());
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(GENERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering customer messages", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("answering a customer message failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a reply took longer than " + GENERATION_TIMEOUT, e);
    }
  }

  /** Every customer message text answered so far (the offline pool leaves these out). */
  Set<String> sentMessages() {
    return Set.copyOf(sentMessages);
  }

  /** Throws the failure that stopped the agent, if any. */
  void checkHealthy() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw new IllegalStateException("model agent failed: " + failed.getMessage(), failed);
    }
  }

  /** Stops after the current poll's replies; closes the engines and models. */
  synchronized void stop() {
    if (thread == null) {
      return;
    }
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(GENERATION_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping the model agent");
    }
    thread = null;
  }

  @Override
  public void close() {
    stop();
  }
}
