package io.kefu.chaos.load;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback stream's load, on its own thread at a steady rate: for each planned message, the customer message,
 * the model's reply to it (as the reply service would have written it) and the customer's rating of that reply.
 * A reply counts as rated once its rating is acknowledged.
 */
public final class RatedReplyProducer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RatedReplyProducer.class);

  /** The topics the load goes to. */
  public record Topics(String customerMessages, String agentReplies, String feedback) {}

  private final MessagePlan plan;
  private final Topics topics;
  private final double ratingsPerSecond;
  private final SchemaRegistryClient registry;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KefuAvroSerializer<CustomerMessage> messages;
  private final KefuAvroSerializer<AgentReply> replies;
  private final KefuAvroSerializer<Feedback> ratings;
  private final Set<String> rated = ConcurrentHashMap.newKeySet();
  private final AtomicLong failed = new AtomicLong();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private Thread thread;

  public RatedReplyProducer(Map<String, Object> clientProperties, String registryUrl, Topics topics, MessagePlan plan,
      double ratingsPerSecond) {
    this.plan = plan;
    this.topics = topics;
    this.ratingsPerSecond = ratingsPerSecond;
    this.registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
    this.messages = new KefuAvroSerializer<>(registry, false);
    this.replies = new KefuAvroSerializer<>(registry, false);
    this.ratings = new KefuAvroSerializer<>(registry, false);
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "kefu-chaos-ratings");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The replyId the load gives the reply to {@code message}. */
  public static String replyId(PlannedMessage message) {
    return "reply-" + message.messageId();
  }

  /** Starts sending on a background thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the producer has already been started");
    }
    thread = new Thread(this::sendAll, "kefu-chaos-ratings");
    thread.setDaemon(true);
    thread.start();
  }

  private void sendAll() {
    long start = System.nanoTime();
    long count = 0;
    try {
      for (PlannedMessage message : plan.inSendingOrder()) {
        if (stopRequested) {
          break;
        }
        if (ratingsPerSecond > 0) {
          long wait = start + (long) (count / ratingsPerSecond * 1e9) - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait); // pacing the load, not waiting for a condition
          }
        }
        send(message);
        count++;
      }
      producer.flush();
    } catch (RuntimeException e) {
      log.error("the ratings producer stopped after {} replies", count, e);
    } finally {
      done.countDown();
    }
  }

  private void send(PlannedMessage message) {
    Instant now = Instant.now();
    CustomerMessage customer = message.toRecord(now);
    AgentReply reply = AgentReply.newBuilder()
        .setReplyId(replyId(message))
        .setConversationId(message.conversationId())
        .setInReplyTo(message.messageId())
        .setText("Thanks for your message about " + message.conversationId() + "; here is what I found.")
        .setLocale(message.locale())
        .setAuthor(AuthorKind.MODEL)
        .setModelVersion("base-1")
        .setOperatorId(null)
        .setConfidence(0.9)
        .setLatencyMs(25L)
        .setHandedOff(false)
        // As the reply service writes it: the turns the reply saw, the customer's message last.
        .setContext(List.of(new Turn(Role.CUSTOMER, message.text())))
        .setCreatedAt(now)
        .build();
    Feedback rating = Feedback.newBuilder()
        .setFeedbackId("rating-" + message.messageId())
        .setReplyId(reply.getReplyId())
        .setConversationId(message.conversationId())
        .setRating(1 + Math.floorMod(message.messageId().hashCode(), 5))
        .setComment(null)
        .setRatedAt(now)
        .build();
    byte[] conversation = utf8(message.conversationId());
    producer.send(new ProducerRecord<>(topics.customerMessages(), conversation,
        messages.serialize(topics.customerMessages(), customer)));
    producer.send(new ProducerRecord<>(topics.agentReplies(), conversation,
        replies.serialize(topics.agentReplies(), reply)));
    producer.send(new ProducerRecord<>(topics.feedback(), utf8(reply.getReplyId()),
        ratings.serialize(topics.feedback(), rating)), (metadata, e) -> {
          if (e == null) {
            rated.add(reply.getReplyId());
          } else if (failed.getAndIncrement() == 0) {
            log.error("the rating of {} was not sent", reply.getReplyId(), e);
          }
        });
  }

  /** Waits until every rating has been acknowledged or has failed. */
  public boolean awaitSent(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The replyIds whose rating the broker acknowledged. */
  public Set<String> ratedReplyIds() {
    return Set.copyOf(rated);
  }

  /** How many ratings were acknowledged so far. */
  public long ratedCount() {
    return rated.size();
  }

  /** How many ratings failed for good. */
  public long failedCount() {
    return failed.get();
  }

  @Override
  public void close() {
    stopRequested = true;
    try {
      if (thread != null) {
        thread.join(Duration.ofSeconds(30).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      producer.close(Duration.ofSeconds(10));
      registry.close();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
