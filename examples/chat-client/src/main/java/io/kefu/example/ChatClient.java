package io.kefu.example;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A chat platform's connection to Kefu: sends customer messages keyed by conversationId, waits for the agent reply
 * to a message on agent-replies (read_committed), and sends ratings keyed by replyId. Not thread-safe.
 *
 * <pre>{@code
 * try (ChatClient client = ChatClient.connect(ChatClientSettings.of("localhost:29092", "http://localhost:8081"))) {
 *   client.send(message);                                       // listens for replies from now on
 *   AgentReply reply = client.awaitReply(message.getMessageId(), Duration.ofSeconds(60)).orElseThrow();
 *   client.rate(reply, 5, null);
 * }
 * }</pre>
 */
public final class ChatClient implements AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private final ChatTopics topics;
  private final Producer<String, SpecificRecord> producer;
  private final Consumer<String, AgentReply> replies;
  private boolean listening;

  ChatClient(ChatTopics topics, Producer<String, SpecificRecord> producer, Consumer<String, AgentReply> replies) {
    this.topics = topics;
    this.producer = producer;
    this.replies = replies;
  }

  /** A client for {@code settings}; it connects lazily, on the first send. */
  public static ChatClient connect(ChatClientSettings settings) {
    KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(settings.producerConfig());
    try {
      return new ChatClient(settings.topics(), producer, new KafkaConsumer<>(settings.consumerConfig()));
    } catch (RuntimeException e) {
      producer.close();
      throw e;
    }
  }

  /**
   * Sends {@code message} to customer-messages keyed by its conversationId (so a conversation's messages keep their
   * order) and waits for the broker's acknowledgement; replies written from now on reach {@link #awaitReply}.
   */
  public RecordMetadata send(CustomerMessage message) {
    listenFromNow();
    return sendAndWait(new ProducerRecord<>(topics.customerMessages(), message.getConversationId(), message));
  }

  /**
   * Waits up to {@code timeout} for the committed reply to message {@code messageId}; a model reply, a human reply
   * or the holding reply of a handoff ({@link AgentReply#getHandedOff()}) all count.
   */
  public Optional<AgentReply> awaitReply(String messageId, Duration timeout) {
    Objects.requireNonNull(messageId, "messageId");
    if (!listening) {
      throw new IllegalStateException("call send(message) before awaitReply: replies are read from the send on");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, AgentReply> record : replies.poll(POLL)) {
        if (messageId.equals(record.value().getInReplyTo())) {
          return Optional.of(record.value());
        }
      }
    }
    return Optional.empty();
  }

  /** Sends the customer's {@code rating} (1..5 stars) of {@code reply} to feedback, keyed by replyId. */
  public Feedback rate(AgentReply reply, int rating, String comment) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating must be 1..5, was " + rating);
    }
    Feedback feedback = Feedback.newBuilder()
        .setFeedbackId(UUID.randomUUID().toString())
        .setReplyId(reply.getReplyId())
        .setConversationId(reply.getConversationId())
        .setRating(rating)
        .setComment(comment)
        .setRatedAt(Instant.now())
        .build();
    sendAndWait(new ProducerRecord<>(topics.feedback(), feedback.getReplyId(), feedback));
    return feedback;
  }

  @Override
  public void close() {
    try {
      producer.close();
    } finally {
      replies.close();
    }
  }

  /** Assigns every agent-replies partition at its current end, once; a reply can only follow its message. */
  private void listenFromNow() {
    if (listening) {
      return;
    }
    List<TopicPartition> partitions = replies.partitionsFor(topics.agentReplies()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic '" + topics.agentReplies() + "' does not exist; is Kefu deployed there?");
    }
    replies.assign(partitions);
    replies.seekToEnd(partitions);
    partitions.forEach(replies::position); // resolves the end offsets now, before the message is sent
    listening = true;
  }

  private RecordMetadata sendAndWait(ProducerRecord<String, SpecificRecord> record) {
    try {
      return producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not send to " + record.topic() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no acknowledgement from " + record.topic() + " within " + SEND_TIMEOUT, e);
    }
  }
}
