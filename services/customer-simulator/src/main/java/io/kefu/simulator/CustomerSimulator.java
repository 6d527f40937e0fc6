package io.kefu.simulator;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.kafka.topic.KefuTopics;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat platform full of simulated customers: sends one-message conversations to customer-messages at the plan's
 * rate, reads agent-replies (read_committed) and rates each answer to its own messages with the
 * {@link HiddenPreference}, sending the rating to feedback.
 *
 * <p>Replies to conversations this run did not start are ignored, so several simulations and real traffic can share
 * the topics. Handoffs (holding replies) are counted, not rated; when the plan says so, a simulated human operator
 * answers each of them at once with the customer's {@link SimulatedCustomer#operatorReply()} (author HUMAN), which
 * the feedback stream turns into a human-reply training example.
 */
public final class CustomerSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CustomerSimulator.class);
  private static final Duration POLL = Duration.ofMillis(100);
  /** The operatorId on the simulated operator's answers. */
  public static final String OPERATOR_ID = "simulated-operator";

  private final Map<String, Object> kafka;
  private final KefuTopics topics;
  private final CustomerScenarios scenarios;
  private final ReplyAssessor assessor;
  private final HiddenPreference preference;
  private final SimulationPlan plan;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, RatingTally> byVersion = new ConcurrentHashMap<>();
  private final List<Consumer<RatedReply>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong handedOff = new AtomicLong();
  private final AtomicLong rated = new AtomicLong();
  private final AtomicLong operatorAnswers = new AtomicLong();

  private KafkaProducer<byte[], byte[]> producer;
  private KafkaConsumer<String, AgentReply> consumer;
  private Thread sender;
  private Thread receiver;
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  private record Pending(String messageId, SimulatedCustomer customer) {}

  public CustomerSimulator(Map<String, Object> kafka, KefuTopics topics, CustomerScenarios scenarios,
      ReplyAssessor assessor, HiddenPreference preference, SimulationPlan plan, Clock clock) {
    this.kafka = Map.copyOf(kafka);
    this.topics = Objects.requireNonNull(topics, "topics");
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    this.assessor = Objects.requireNonNull(assessor, "assessor");
    this.preference = Objects.requireNonNull(preference, "preference");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers a listener called on the receiver thread for every rating sent. */
  public void addListener(Consumer<RatedReply> listener) {
    listeners.add(listener);
  }

  /** Positions the reply reader at the end of agent-replies, then starts sending and rating. */
  public synchronized void start() {
    if (sender != null) {
      throw new IllegalStateException("simulation " + plan.runId() + " is already started");
    }
    Map<String, Object> producerProps = new HashMap<>(kafka);
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    Map<String, Object> consumerProps = new HashMap<>(kafka);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(consumerProps, topics.agentReplies().keySerde().deserializer(),
        topics.agentReplies().valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topics.agentReplies().name(), Duration.ofSeconds(60))
        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topics.agentReplies().name() + " does not exist");
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the start before the first message goes out
    receiver = new Thread(this::receive, "kefu-simulator-ratings-" + plan.runId());
    sender = new Thread(this::send, "kefu-simulator-customers-" + plan.runId());
    receiver.setDaemon(true);
    sender.setDaemon(true);
    receiver.start();
    sender.start();
    log.info("simulation {} started: {} messages at {}/s", plan.runId(),
        plan.messages() == 0 ? "unlimited" : plan.messages(), plan.ratePerSecond());
  }

  private void send() {
    SplittableRandom random = new SplittableRandom(plan.seed());
    Serializer<CustomerMessage> values = topics.customerMessages().valueSerde().serializer();
    long startNanos = System.nanoTime();
    try {
      for (long i = 0; !stopping && (plan.messages() == 0 || i < plan.messages()); i++) {
        long due = startNanos + (long) (i * 1e9 / plan.ratePerSecond());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // pacing the simulated customers, not waiting for a result
        }
        SimulatedCustomer customer = scenarios.next(random);
        String conversationId = plan.runId() + "-c" + i;
        String messageId = plan.runId() + "-m" + i;
        pending.put(conversationId, new Pending(messageId, customer));
        CustomerMessage message = CustomerMessage.newBuilder()
            .setMessageId(messageId)
            .setConversationId(conversationId)
            .setCustomerId(plan.runId() + "-customer" + i)
            .setText(customer.text())
            .setLocale(customer.locale())
            .setChannel(Channel.SIMULATOR)
            .setSentAt(clock.instant())
            .setAttributes(Map.of())
            .build();
        String topic = topics.customerMessages().name();
        producer.send(new ProducerRecord<>(topic, conversationId.getBytes(StandardCharsets.UTF_8),
            values.serialize(topic, message)), (metadata, error) -> {
              if (error != null) {
                fail(new IllegalStateException("cannot send message " + messageId + " to " + topic, error));
              }
            });
        sent.incrementAndGet();
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void receive() {
    SplittableRandom random = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
    try {
      while (!stopping) {
        try {
          for (ConsumerRecord<String, AgentReply> record : consumer.poll(POLL)) {
            if (record.value() != null) {
              onReply(record.value(), random);
            }
          }
        } catch (RecordDeserializationException e) {
          log.error("skipping an unreadable agent reply at {}@{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        fail(new IllegalStateException("simulation reply reader was woken up unexpectedly", e));
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      consumer.close();
    }
  }

  private void onReply(AgentReply reply, SplittableRandom random) {
    Pending asked = pending.get(reply.getConversationId());
    if (asked == null || !asked.messageId().equals(reply.getInReplyTo())) {
      return;
    }
    pending.remove(reply.getConversationId());
    try {
      if (reply.getHandedOff()) {
        handedOff.incrementAndGet();
        if (plan.answerHandoffs() && asked.customer().operatorReply() != null) {
          answerAsOperator(reply, asked);
        }
      } else if (random.nextDouble() < plan.ratingProbability()) {
        rate(reply, asked, random);
      }
    } finally {
      // counted last, so that awaitAnswered sees every rating and operator answer of a message already sent
      answered.incrementAndGet();
    }
  }

  private void rate(AgentReply reply, Pending asked, SplittableRandom random) {
    ReplyAssessment assessment = assessor.assess(asked.customer(), reply.getText());
    int stars = preference.rate(asked.customer(), assessment, random);
    Feedback feedback = Feedback.newBuilder()
        .setFeedbackId(plan.runId() + "-f-" + reply.getReplyId())
        .setReplyId(reply.getReplyId())
        .setConversationId(reply.getConversationId())
        .setRating(stars)
        .setComment(null)
        .setRatedAt(clock.instant())
        .build();
    String topic = topics.feedback().name();
    producer.send(new ProducerRecord<>(topic, reply.getReplyId().getBytes(StandardCharsets.UTF_8),
        topics.feedback().valueSerde().serializer().serialize(topic, feedback)), (metadata, error) -> {
          if (error != null) {
            fail(new IllegalStateException("cannot send the rating of reply " + reply.getReplyId(), error));
          }
        });
    String version = reply.getAuthor() == AuthorKind.HUMAN ? "human"
        : reply.getModelVersion() == null ? "unknown" : reply.getModelVersion();
    byVersion.computeIfAbsent(version, v -> new RatingTally()).add(stars);
    rated.incrementAndGet();
    RatedReply ratedReply = new RatedReply(asked.customer(), reply.getReplyId(), version, reply.getText(), assessment,
        stars);
    listeners.forEach(listener -> listener.accept(ratedReply));
  }

  /** A human operator's answer to the handed-off message, on agent-replies like the dashboard writes it. */
  private void answerAsOperator(AgentReply holding, Pending asked) {
    SimulatedCustomer customer = asked.customer();
    Instant now = clock.instant();
    AgentReply answer = AgentReply.newBuilder()
        .setReplyId(plan.runId() + "-human-" + holding.getReplyId())
        .setConversationId(holding.getConversationId())
        .setInReplyTo(asked.messageId())
        .setText(customer.operatorReply())
        .setLocale(customer.locale())
        .setAuthor(AuthorKind.HUMAN)
        .setModelVersion(null)
        .setOperatorId(OPERATOR_ID)
        .setConfidence(1.0)
        .setLatencyMs(0L)
        .setHandedOff(false)
        .setContext(List.of(new Turn(Role.CUSTOMER, customer.text())))
        .setCreatedAt(now)
        .build();
    String topic = topics.agentReplies().name();
    producer.send(new ProducerRecord<>(topic, holding.getConversationId().getBytes(StandardCharsets.UTF_8),
        topics.agentReplies().valueSerde().serializer().serialize(topic, answer)), (metadata, error) -> {
          if (error != null) {
            fail(new IllegalStateException("cannot send the operator's answer to conversation "
                + holding.getConversationId(), error));
          }
        });
    operatorAnswers.incrementAndGet();
  }

  private void fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
    log.error("simulation {} failed", plan.runId(), e);
  }

  /**
   * Waits until every message of a bounded plan was sent and answered, and every rating was sent.
   *
   * @return true when done, false when {@code timeout} passed first
   * @throws IllegalStateException when the simulation failed
   */
  public boolean awaitAnswered(Duration timeout) throws InterruptedException {
    if (plan.messages() == 0) {
      throw new IllegalStateException("simulation " + plan.runId() + " sends until stopped; nothing to await");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (answered.get() < plan.messages()) {
      checkHealthy();
      if (System.nanoTime() >= deadline) {
        return false;
      }
      synchronized (this) {
        wait(50); // polled condition with a bound; the receiver thread does not notify
      }
    }
    producer.flush();
    checkHealthy();
    return true;
  }

  /** Throws the failure that stopped the simulation, if any. */
  public void checkHealthy() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw new IllegalStateException("simulation " + plan.runId() + " failed: " + failed.getMessage(), failed);
    }
  }

  /** What the simulation did so far. */
  public SimulationReport report() {
    Map<String, RatingTally.Snapshot> versions = new TreeMap<>();
    byVersion.forEach((version, tally) -> versions.put(version, tally.snapshot()));
    return new SimulationReport(sent.get(), answered.get(), handedOff.get(), operatorAnswers.get(), rated.get(),
        versions);
  }

  /** Stops sending and reading; flushes the ratings already decided. */
  public synchronized void stop() {
    if (sender == null) {
      return;
    }
    stopping = true;
    sender.interrupt();
    consumer.wakeup();
    try {
      sender.join(30_000);
      receiver.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping simulation {}", plan.runId());
    }
    producer.close(Duration.ofSeconds(30));
    sender = null;
  }

  @Override
  public void close() {
    stop();
  }
}
