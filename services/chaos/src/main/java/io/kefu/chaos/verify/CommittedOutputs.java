package io.kefu.chaos.verify;

import io.kefu.contract.AgentReply;
import io.kefu.contract.HandoffRequest;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the reply service's outputs the way a downstream chat platform does, as a read_committed consumer: every
 * committed record of a topic from the beginning up to its last stable offset, in offset order per partition.
 */
public final class CommittedOutputs implements AutoCloseable {
  private final Map<String, Object> clientProperties;
  private final SchemaRegistryClient registry;
  private final Duration timeout;

  /** Reads with {@code clientProperties} and decodes with the registry at {@code registryUrl}. */
  public CommittedOutputs(Map<String, Object> clientProperties, String registryUrl, Duration timeout) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
    this.timeout = timeout;
  }

  /** The answers on {@code agentReplies}, in offset order per partition. */
  public List<Answer> answers(String agentReplies) {
    return read(agentReplies, AgentReply.class,
        r -> new Answer(r.getConversationId(), r.getInReplyTo(), r.getHandedOff()));
  }

  /** The messageId of each handoff request on {@code handoffs}. */
  public List<String> handoffMessageIds(String handoffs) {
    return read(handoffs, HandoffRequest.class, HandoffRequest::getMessageId);
  }

  /** The replyId of each training example on {@code trainingExamples}. */
  public List<String> exampleReplyIds(String trainingExamples) {
    return read(trainingExamples, io.kefu.contract.TrainingExample.class, io.kefu.contract.TrainingExample::getReplyId);
  }

  private <T extends SpecificRecord, R> List<R> read(String topic, Class<T> type, Function<T, R> view) {
    KefuAvroDeserializer<T> deserializer = KefuAvroDeserializer.of(type, registry);
    List<R> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
      out.add(view.apply(deserializer.deserialize(topic, record.value())));
    }
    return out;
  }

  /**
   * Every committed record of {@code topic}, partition by partition in offset order.
   *
   * @throws IllegalStateException when the consumer does not reach the end offsets within the timeout
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kefu-chaos-verifier");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // For read_committed, endOffsets is the last stable offset: everything before it is decided.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " up to " + end + " within " + timeout);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
          .thenComparingLong(ConsumerRecord::offset));
      return records;
    }
  }

  @Override
  public void close() {
    registry.close();
  }
}
