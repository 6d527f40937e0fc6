package io.kefu.poison.verify;

import io.kefu.contract.AgentReply;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.TrainingExample;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.DlqHeaders;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything the services committed to their output topics (agent-replies, handoffs, both dead-letter topics,
 * training-examples), read from the beginning as a read_committed consumer and indexed by what the matrix looks up.
 */
public final class CommittedOutputs implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private record Source(String topic, int partition, long offset) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KefuAvroDeserializer<AgentReply> replies;
  private final KefuAvroDeserializer<HandoffRequest> handoffs;
  private final KefuAvroDeserializer<TrainingExample> examples;
  private final String repliesTopic;
  private final String handoffsTopic;
  private final String examplesTopic;
  private final List<String> dlqTopics;

  private final Map<String, List<AgentReply>> repliesByMessage = new HashMap<>();
  private final Map<String, List<String>> handoffReasonsByMessage = new HashMap<>();
  private final Map<Source, List<DeadLetterView>> deadLettersBySource = new HashMap<>();
  private final Map<String, List<TrainingExample>> examplesByReply = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();

  public CommittedOutputs(Map<String, Object> clientProperties, SchemaRegistryClient registry,
      TopicCatalogue topics) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.replies = KefuAvroDeserializer.of(AgentReply.class, registry);
    this.handoffs = KefuAvroDeserializer.of(HandoffRequest.class, registry);
    this.examples = KefuAvroDeserializer.of(TrainingExample.class, registry);
    this.repliesTopic = topics.name(TopicNames.AGENT_REPLIES);
    this.handoffsTopic = topics.name(TopicNames.HANDOFFS);
    this.examplesTopic = topics.name(TopicNames.TRAINING_EXAMPLES);
    this.dlqTopics = List.of(topics.dlqName(TopicNames.CUSTOMER_MESSAGES), topics.dlqName(TopicNames.FEEDBACK));
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(repliesTopic, handoffsTopic, examplesTopic, dlqTopics.get(0), dlqTopics.get(1))) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads what has been committed since the last call, until a poll returns nothing. */
  public void refresh() {
    ConsumerRecords<byte[], byte[]> batch;
    do {
      batch = consumer.poll(POLL);
      batch.forEach(this::index);
    } while (!batch.isEmpty());
  }

  private void index(ConsumerRecord<byte[], byte[]> record) {
    counts.merge(record.topic(), 1, Integer::sum);
    String topic = record.topic();
    if (topic.equals(repliesTopic)) {
      AgentReply reply = replies.deserialize(topic, record.value());
      repliesByMessage.computeIfAbsent(reply.getInReplyTo(), k -> new ArrayList<>()).add(reply);
    } else if (topic.equals(handoffsTopic)) {
      HandoffRequest handoff = handoffs.deserialize(topic, record.value());
      handoffReasonsByMessage.computeIfAbsent(handoff.getMessageId(), k -> new ArrayList<>())
          .add(handoff.getReason().name());
    } else if (topic.equals(examplesTopic)) {
      TrainingExample example = examples.deserialize(topic, record.value());
      examplesByReply.computeIfAbsent(example.getReplyId(), k -> new ArrayList<>()).add(example);
    } else {
      DeadLetterView letter = deadLetter(record);
      deadLettersBySource.computeIfAbsent(new Source(letter.sourceTopic(), letter.sourcePartition(),
          letter.sourceOffset()), k -> new ArrayList<>()).add(letter);
    }
  }

  private static DeadLetterView deadLetter(ConsumerRecord<byte[], byte[]> record) {
    Headers h = record.headers();
    String partition = DeadLetter.header(h, DlqHeaders.SOURCE_PARTITION);
    String offset = DeadLetter.header(h, DlqHeaders.SOURCE_OFFSET);
    if (partition == null || offset == null) {
      throw new IllegalStateException("dead letter " + record.topic() + "-" + record.partition() + "@"
          + record.offset() + " has no source partition or offset header");
    }
    return new DeadLetterView(record.topic(), DeadLetter.header(h, DlqHeaders.REASON),
        DeadLetter.header(h, DlqHeaders.DETAIL), DeadLetter.header(h, DlqHeaders.SERVICE),
        DeadLetter.header(h, DlqHeaders.SOURCE_TOPIC), Integer.parseInt(partition), Long.parseLong(offset),
        record.key(), record.value());
  }

  /** Every reply (model or holding reply) to {@code messageId}. */
  public List<AgentReply> repliesTo(String messageId) {
    return repliesByMessage.getOrDefault(messageId, List.of());
  }

  /** The reasons of every handoff triggered by {@code messageId}. */
  public List<String> handoffReasons(String messageId) {
    return handoffReasonsByMessage.getOrDefault(messageId, List.of());
  }

  /** Every dead letter whose source headers point at {@code record}. */
  public List<DeadLetterView> deadLettersOf(SentRecord record) {
    return deadLettersBySource.getOrDefault(new Source(record.topic(), record.partition(), record.offset()),
        List.of());
  }

  /** Every training example of {@code replyId}. */
  public List<TrainingExample> examplesOf(String replyId) {
    return examplesByReply.getOrDefault(replyId, List.of());
  }

  /** Every reply read so far. */
  public List<AgentReply> allReplies() {
    return repliesByMessage.values().stream().flatMap(List::stream).toList();
  }

  /** Records read from agent-replies. */
  public int replyRecords() {
    return counts.getOrDefault(repliesTopic, 0);
  }

  /** Records read from handoffs. */
  public int handoffRecords() {
    return counts.getOrDefault(handoffsTopic, 0);
  }

  /** Records read from training-examples. */
  public int exampleRecords() {
    return counts.getOrDefault(examplesTopic, 0);
  }

  /** Records read from both dead-letter topics. */
  public int deadLetterRecords() {
    return dlqTopics.stream().mapToInt(t -> counts.getOrDefault(t, 0)).sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
