package io.kefu.reply.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional producer that writes one transaction's records and consumer offsets atomically.
 *
 * <p>On any failure the transaction is aborted; when the producer cannot go on (fenced, epoch bumped, sequence
 * lost, not authorized, or the abort itself fails) it is closed and a new one is built and initialised, so a
 * fenced producer never writes again.
 */
public final class TransactionalProducer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TransactionalProducer.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Supplier<Producer<byte[], byte[]>> factory;
  private final Consumer<Producer<byte[], byte[]>> onOpen;
  private final Consumer<Producer<byte[], byte[]>> onClose;
  private Producer<byte[], byte[]> producer;

  /** {@code onOpen} and {@code onClose} see each producer as it is built and closed (for metrics). */
  public TransactionalProducer(Supplier<Producer<byte[], byte[]>> factory, Consumer<Producer<byte[], byte[]>> onOpen,
      Consumer<Producer<byte[], byte[]>> onClose) {
    this.factory = factory;
    this.onOpen = onOpen;
    this.onClose = onClose;
  }

  /** Builds the producer and initialises transactions (which also finishes any transaction its id left open). */
  void open() {
    Producer<byte[], byte[]> created = factory.get();
    try {
      created.initTransactions();
    } catch (RuntimeException e) {
      created.close(Duration.ZERO);
      throw e;
    }
    producer = created;
    onOpen.accept(created);
  }

  /**
   * Sends {@code records} and commits them together with {@code offsets} for the group {@code group}.
   *
   * @throws KafkaException when the transaction did not commit; it has been aborted (or the producer rebuilt)
   */
  void commit(List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group) {
    if (producer == null) {
      open(); // a rebuild failed earlier (e.g. the cluster was unreachable): try again now
    }
    try {
      producer.beginTransaction();
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      producer.sendOffsetsToTransaction(offsets, group);
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
        | AuthorizationException | UnsupportedVersionException e) {
      log.warn("producer cannot continue after {}; closing it and building a new one", e.getClass().getSimpleName());
      rebuild();
      throw e;
    } catch (KafkaException e) {
      abortOrRebuild(e);
      throw e;
    }
  }

  private void abortOrRebuild(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      log.warn("aborting the transaction after {} failed; closing the producer and building a new one",
          cause.getClass().getSimpleName(), e);
      rebuild();
    }
  }

  private void rebuild() {
    closeProducer();
    open();
  }

  private void closeProducer() {
    Producer<byte[], byte[]> old = producer;
    producer = null;
    if (old != null) {
      onClose.accept(old);
      old.close(CLOSE_TIMEOUT);
    }
  }

  @Override
  public void close() {
    closeProducer();
  }
}
