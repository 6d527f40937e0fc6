package io.kefu.reply.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A producer interceptor ({@code kafka.interceptor.classes}) that holds the first send to an armed topic until the
 * test releases it: the reply service's transaction is then in flight on its committer thread for as long as the
 * test wants. Only topics passed to {@link #arm} are affected, so other services in the JVM are not. The service's
 * consumers get the same {@code interceptor.classes}, so it passes their records through unchanged.
 */
public final class HeldSendInterceptor
    implements ProducerInterceptor<byte[], byte[]>, ConsumerInterceptor<byte[], byte[]> {
  private static final Duration LONGEST_HOLD = Duration.ofSeconds(90);
  private static final AtomicReference<String> armedTopic = new AtomicReference<>();
  private static volatile CountDownLatch holding = new CountDownLatch(1);
  private static volatile CountDownLatch release = new CountDownLatch(1);

  /** Holds the next send to {@code topic}. */
  public static void arm(String topic) {
    holding = new CountDownLatch(1);
    release = new CountDownLatch(1);
    armedTopic.set(topic);
  }

  /** True once a send is being held. */
  public static boolean isHolding() {
    return holding.getCount() == 0;
  }

  /** Lets the held send (and every later one) through. */
  public static void release() {
    armedTopic.set(null);
    release.countDown();
  }

  @Override
  public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
    String topic = armedTopic.get();
    if (topic != null && topic.equals(record.topic()) && armedTopic.compareAndSet(topic, null)) {
      holding.countDown();
      try {
        if (!release.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("held send to " + topic + " was never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}

  @Override
  public void configure(Map<String, ?> configs) {}
}
