package io.kefu.registry.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in Kafka, after Confluent's KafkaStore: a reader thread applies every record of the one-partition
 * topic in order; a write is produced (acks=all, idempotent) and returns only once the reader has applied it, so what
 * a caller reads after a write includes the write.
 *
 * <p>One registry instance writes to a topic; ids and versions are assigned from the state it has read.
 */
public final class KafkaStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaStore.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final TopicPartition partition;
  private final Map<String, Object> kafkaProperties;
  private final StoreCodec codec;
  private final StoreListener listener;
  private final Duration writeTimeout;

  private final Object progress = new Object();
  /** The next offset the reader will apply; guarded by {@link #progress}. */
  private long appliedPosition = -1;
  /** Why the reader stopped, if it stopped on an error; guarded by {@link #progress}. */
  private RuntimeException readerFailure;
  private volatile boolean running;

  private KafkaProducer<byte[], byte[]> producer;
  private KafkaConsumer<byte[], byte[]> consumer;
  private Thread reader;
  /** The offset of this store's last write that the reader must apply before the next write; -1 when none. */
  private long lastWrittenOffset = -1;
  private Future<RecordMetadata> lastSend;

  public KafkaStore(String topic, Map<String, Object> kafkaProperties, StoreCodec codec, StoreListener listener,
      Duration writeTimeout) {
    this.partition = new TopicPartition(topic, 0);
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.codec = codec;
    this.listener = listener;
    this.writeTimeout = writeTimeout;
  }

  /**
   * Reads the whole topic, applying every record, then keeps following it; the topic must exist.
   *
   * @throws StoreException when the topic cannot be read to its end within {@code timeout}
   */
  public void start(Duration timeout) {
    if (running) {
      throw new IllegalStateException("store for " + partition.topic() + " is already started");
    }
    consumer = new KafkaConsumer<>(consumerProperties());
    producer = new KafkaProducer<>(producerProperties());
    long end;
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      end = consumer.endOffsets(List.of(partition), timeout).get(partition);
    } catch (RuntimeException e) {
      closeClients();
      throw new StoreException("cannot find the end of registry topic " + partition + ": " + e.getMessage(),
          false, e);
    }
    running = true;
    reader = new Thread(this::readLoop, "kefu-registry-reader-" + partition.topic());
    reader.setDaemon(true);
    reader.start();
    log.info("Reading registry topic {} up to offset {}", partition, end);
    try {
      awaitApplied(end, timeout, "reading registry topic " + partition + " up to offset " + end);
    } catch (StoreException e) {
      close();
      throw e;
    }
    log.info("Registry topic {} read up to offset {}", partition, end);
  }

  /**
   * Waits until this store's own earlier writes are applied, so state read next includes them; call before deciding
   * what to write.
   *
   * @throws StoreException when an earlier write failed or is still not applied after the write timeout
   */
  public void catchUp() {
    if (lastSend != null && !lastSend.isDone()) {
      offsetOf(lastSend, "an earlier registry write");
    }
    if (lastWrittenOffset >= 0) {
      awaitApplied(lastWrittenOffset + 1, writeTimeout, "applying the previous registry write at offset "
          + lastWrittenOffset);
    }
  }

  /**
   * Writes one record and returns once the reader has applied it; callers serialize their writes.
   *
   * @throws StoreException when Kafka refuses the record or it is not applied within the write timeout
   */
  public void write(StoreKey key, StoreValue value) {
    requireRunning();
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(partition.topic(), partition.partition(),
        codec.writeKey(key), value == null ? null : codec.writeValue(value));
    String what = "writing " + key + " to " + partition;
    try {
      lastSend = producer.send(record);
    } catch (RuntimeException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), false, e);
    }
    long offset = offsetOf(lastSend, what);
    lastWrittenOffset = offset;
    awaitApplied(offset + 1, writeTimeout, what + " (offset " + offset + ")");
  }

  /** Why the reader stopped, if it did; empty while it runs. */
  public Optional<String> failure() {
    synchronized (progress) {
      if (readerFailure != null) {
        return Optional.of("registry topic reader stopped: " + readerFailure.getMessage());
      }
    }
    return running ? Optional.empty() : Optional.of("registry store is not running");
  }

  private long offsetOf(Future<RecordMetadata> send, String what) {
    try {
      return send.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException e) {
      throw new StoreException(what + " failed: " + e.getCause().getMessage(), false, e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException(what + ": Kafka did not acknowledge within " + writeTimeout.toMillis() + " ms", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(what + " was interrupted", false, e);
    }
  }

  private void awaitApplied(long position, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (appliedPosition < position) {
        if (readerFailure != null) {
          throw new StoreException(what + " failed: the reader stopped: " + readerFailure.getMessage(), false,
              readerFailure);
        }
        if (!running) {
          throw new StoreException(what + " failed: the store is closed", false, null);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new StoreException(what + " did not complete within " + timeout.toMillis() + " ms (applied up to "
              + appliedPosition + ")", true, null);
        }
        try {
          progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreException(what + " was interrupted", false, e);
        }
      }
    }
  }

  private void readLoop() {
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          apply(record);
        }
        long position = consumer.position(partition, writeTimeout);
        synchronized (progress) {
          appliedPosition = position;
          progress.notifyAll();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        fail(new IllegalStateException("reader woken up while running", e));
      }
    } catch (RuntimeException e) {
      log.error("Registry topic reader for {} stopped; the registry can no longer read or write schemas",
          partition, e);
      fail(e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    try {
      Optional<StoreKey> key = codec.readKey(record.key());
      if (key.isEmpty()) {
        log.debug("Skipping registry record of a type this registry does not use at {}-{}@{}", record.topic(),
            record.partition(), record.offset());
        return;
      }
      StoreValue value = codec.readValue(key.get(), record.value());
      String schemaType = value instanceof SchemaValue ? codec.schemaType(record.value()) : null;
      listener.onRecord(key.get(), value, schemaType);
    } catch (StoreFormatException e) {
      log.error("Skipping malformed registry record at {}-{}@{}", record.topic(), record.partition(),
          record.offset(), e);
    }
  }

  private void fail(RuntimeException e) {
    synchronized (progress) {
      readerFailure = e;
      progress.notifyAll();
    }
  }

  private void requireRunning() {
    Optional<String> failure = failure();
    if (failure.isPresent()) {
      throw new StoreException(failure.get(), false, null);
    }
  }

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kefu-schema-registry-reader");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return props;
  }

  private Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "kefu-schema-registry-writer");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, writeTimeout.toMillis());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }

  /** Stops the reader and closes the Kafka clients. */
  @Override
  public void close() {
    boolean wasRunning = running;
    running = false;
    synchronized (progress) {
      progress.notifyAll();
    }
    if (wasRunning) {
      consumer.wakeup();
      try {
        reader.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.warn("Interrupted while waiting for the registry reader of {} to stop", partition, e);
      }
      if (reader.isAlive()) {
        log.warn("Registry reader of {} did not stop within 30 s", partition);
      }
      producer.close(Duration.ofSeconds(10));
    }
  }

  private void closeClients() {
    consumer.close();
    producer.close(Duration.ofSeconds(10));
  }
}
