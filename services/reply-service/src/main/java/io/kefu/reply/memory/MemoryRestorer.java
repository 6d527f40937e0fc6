package io.kefu.reply.memory;

import io.kefu.reply.memory.avro.ConversationSnapshot;
import io.kefu.serde.AvroWireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds conversation memory by reading partitions of conversation-turns from the beginning with a read_committed
 * consumer, so only snapshots of committed transactions are restored; the last snapshot of a conversation wins, as
 * compaction would keep it.
 *
 * <p>The read goes up to the high watermark, not just the last stable offset: a transaction still open on the
 * partition (one just committed whose markers are not all written yet, or a former owner's that is being aborted)
 * is waited for, so a snapshot committed together with consumer offsets is never missed.
 */
public final class MemoryRestorer {
  private static final Logger log = LoggerFactory.getLogger(MemoryRestorer.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * The restored states of some partitions.
   *
   * @param states conversation states by partition
   * @param records snapshot records read
   * @param unreadable snapshot records that could not be decoded and were skipped
   */
  public record Restored(Map<Integer, Map<String, ConversationState>> states, long records, long unreadable) {}

  private final Consumer<byte[], byte[]> consumer;
  private final Admin admin;
  private final String topic;
  private final Deserializer<ConversationSnapshot> deserializer;
  private final Duration timeout;

  /**
   * A restorer reading {@code topic} with {@code consumer}, which must be read_committed and in no group, asking
   * {@code admin} for high watermarks; {@code timeout} bounds one restore.
   */
  public MemoryRestorer(Consumer<byte[], byte[]> consumer, Admin admin, String topic,
      Deserializer<ConversationSnapshot> deserializer, Duration timeout) {
    this.consumer = consumer;
    this.admin = admin;
    this.topic = topic;
    this.deserializer = deserializer;
    this.timeout = timeout;
  }

  /** Reads {@code partitions} of the topic to their end and returns the last state of each conversation. */
  public Restored restore(Collection<Integer> partitions) {
    Map<Integer, Map<String, ConversationState>> states = new HashMap<>();
    if (partitions.isEmpty()) {
      return new Restored(states, 0, 0);
    }
    List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
    tps.forEach(tp -> states.put(tp.partition(), new HashMap<>()));
    consumer.assign(tps);
    try {
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = highWatermarks(tps);
      long deadline = System.nanoTime() + timeout.toNanos();
      long records = 0;
      long unreadable = 0;
      while (!reachedEnd(end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("restoring conversation memory from " + topic + " partitions "
              + partitions + " did not reach end offsets " + end + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          records++;
          if (!apply(record, states.get(record.partition()))) {
            unreadable++;
          }
        }
      }
      return new Restored(states, records, unreadable);
    } finally {
      consumer.assign(List.of());
    }
  }

  private boolean reachedEnd(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private boolean apply(ConsumerRecord<byte[], byte[]> record, Map<String, ConversationState> states) {
    if (record.key() == null) {
      log.warn("skipping snapshot without key at {}-{}@{}", record.topic(), record.partition(), record.offset());
      return false;
    }
    String conversationId = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      states.remove(conversationId);
      return true;
    }
    try {
      ConversationSnapshot snapshot = deserializer.deserialize(record.topic(), record.headers(), record.value());
      states.put(conversationId, SnapshotCodec.toState(snapshot));
      return true;
    } catch (AvroWireFormatException e) {
      if (e.reason() == AvroWireFormatException.Reason.REGISTRY_ERROR) {
        throw e; // the registry is unreachable: memory must not be restored half-empty
      }
      log.warn("skipping unreadable snapshot of conversation {} at {}-{}@{}; it restarts with no memory",
          conversationId, record.topic(), record.partition(), record.offset(), e);
      return false;
    } catch (RuntimeException e) {
      log.warn("skipping unreadable snapshot of conversation {} at {}-{}@{}; it restarts with no memory",
          conversationId, record.topic(), record.partition(), record.offset(), e);
      return false;
    }
  }

  private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> tps) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    tps.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    try {
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
          .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> end = new HashMap<>();
      infos.forEach((tp, info) -> end.put(tp, info.offset()));
      return end;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the end offsets of " + tps + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not return the end offsets of " + tps + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the end offsets of " + tps, e);
    }
  }
}
