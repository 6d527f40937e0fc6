package io.kefu.kafka.dlq;

import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends refused records to their dead-letter topic with a byte[] producer (inside the caller's transaction when
 * the producer is transactional) and logs each one with its source topic, partition and offset.
 */
public final class DeadLetterPublisher {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final String dlqTopic;

  public DeadLetterPublisher(Producer<byte[], byte[]> producer, String dlqTopic) {
    this.producer = producer;
    this.dlqTopic = dlqTopic;
  }

  /** Sends {@code source}'s original bytes to the dead-letter topic with the headers of {@code letter}. */
  public Future<RecordMetadata> publish(ConsumerRecord<byte[], byte[]> source, DeadLetter letter) {
    log.warn("dead-lettering {}-{}@{} to {}: {} ({})", source.topic(), source.partition(), source.offset(), dlqTopic,
        letter.reason(), letter.detail());
    return producer.send(letter.toRecord(dlqTopic, source.key(), source.value(), source.headers(),
        System.currentTimeMillis()));
  }

  public String dlqTopic() {
    return dlqTopic;
  }
}
