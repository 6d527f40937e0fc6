package io.kefu.reply.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The properties of the reply service's Kafka clients: the user's {@code kafka.*} settings (security and tuning)
 * over the service's defaults, then the settings exactly-once depends on, which cannot be overridden.
 */
public final class ClientProperties {
  private final Map<String, Object> common;
  private final String groupId;
  private final String instanceId;
  private final int maxPollRecords;
  private final Duration generationTimeout;

  /**
   * @param common the user's client settings ({@code KefuConfig.kafkaClientProperties()})
   * @param groupId consumer group of the service
   * @param instanceId this instance's unique name
   * @param maxPollRecords records per poll
   * @param generationTimeout longest generation of one message, which the poll interval must exceed
   */
  public ClientProperties(Map<String, Object> common, String groupId, String instanceId, int maxPollRecords,
      Duration generationTimeout) {
    this.common = Map.copyOf(common);
    this.groupId = groupId;
    this.instanceId = instanceId;
    this.maxPollRecords = maxPollRecords;
    this.generationTimeout = generationTimeout;
  }

  /** The group consumer: read_committed, no auto-commit (offsets are committed in the producer's transaction). */
  public Map<String, Object> consumer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The loop polls while generations run, but a recovery (memory restore) or a slow commit happens between polls.
    props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
        (int) Math.max(300_000L, generationTimeout.toMillis() * 2 + 60_000L));
    props.putAll(common);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, groupId + "-" + instanceId);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  /** The consumer that restores conversation memory: read_committed, in no group, never commits. */
  public Map<String, Object> restoreConsumer() {
    Map<String, Object> props = new HashMap<>(common);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, groupId + "-" + instanceId + "-restore");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  /**
   * The transactional producer. Its transactional.id is unique per instance: zombies are fenced by the consumer
   * group generation sent with the offsets (KIP-447), not by sharing ids.
   */
  public Map<String, Object> producer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Generation happens before a transaction begins, so a transaction only spans sends and the commit.
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
    // A transaction that begins while the coordinator still writes the previous one's markers is answered
    // CONCURRENT_TRANSACTIONS and retried after this backoff (100 ms by default for AddOffsetsToTxn), which with
    // transactions every few milliseconds would hold replies back for far longer than the markers take.
    props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
    props.putAll(common);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, groupId + "-" + instanceId + "-producer");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  /** The transactional.id of this instance. */
  public String transactionalId() {
    return groupId + "-" + instanceId;
  }

  /** Admin client settings, for end offsets and topic checks. */
  public Map<String, Object> admin() {
    Map<String, Object> props = new HashMap<>(common);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, groupId + "-" + instanceId + "-admin");
    return props;
  }
}
