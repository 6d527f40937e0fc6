package io.kefu.lifecycle.canary;

import io.kefu.contract.OperatorCommand;
import io.kefu.kafka.topic.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads operator-commands in a consumer group and hands each command to a handler, committing after each poll; a
 * command the handler refuses is logged with its reason and not retried. A group's first start begins at the end of
 * the topic, so old commands are not replayed.
 */
public final class OperatorCommandFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorCommandFollower.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> kafkaProperties;
  private final String groupId;
  private final Topic<String, OperatorCommand> topic;
  private final Predicate<OperatorCommand> handler;
  private KafkaConsumer<String, OperatorCommand> consumer;
  private Thread thread;
  private volatile boolean stopping;
  private volatile boolean assigned;

  /**
   * A follower of {@code topic} in consumer group {@code groupId}.
   *
   * @param handler carries out a command; returns whether the command was its to carry out
   */
  public OperatorCommandFollower(Map<String, Object> kafkaProperties, String groupId,
      Topic<String, OperatorCommand> topic, Predicate<OperatorCommand> handler) {
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.groupId = groupId;
    this.topic = topic;
    this.handler = handler;
  }

  /** Starts the consumer thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("operator command follower of group " + groupId + " is already started");
    }
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    thread = new Thread(this::run, "kefu-operator-commands-" + groupId);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          assigned = false;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          partitions.forEach(consumer::position); // resolve "latest" now, so no later command is skipped
          assigned = true;
        }
      });
      while (!stopping) {
        try {
          for (ConsumerRecord<String, OperatorCommand> record : consumer.poll(POLL)) {
            handle(record);
          }
        } catch (RecordDeserializationException e) {
          log.error("skipping an unreadable operator command at {}@{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      if (!stopping) {
        log.error("operator command follower of group {} was woken up unexpectedly", groupId, e);
      }
    } catch (RuntimeException e) {
      log.error("operator command follower of group {} failed and stopped", groupId, e);
    } finally {
      consumer.close();
    }
  }

  private void handle(ConsumerRecord<String, OperatorCommand> record) {
    OperatorCommand command = record.value();
    if (command == null) {
      return;
    }
    try {
      if (handler.test(command)) {
        log.info("operator command {} {} by {} carried out", command.getCommandId(), command.getKind(),
            command.getOperatorId());
      }
    } catch (RuntimeException e) {
      log.warn("operator command {} {} at {}-{}@{} refused: {}", command.getCommandId(), command.getKind(),
          record.topic(), record.partition(), record.offset(), e.getMessage(), e);
    }
  }

  /** True once the group has assigned partitions to this follower. */
  public boolean isAssigned() {
    return assigned;
  }

  /** Stops the consumer thread after its current poll. */
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping the operator command follower of group {}", groupId);
    }
    thread = null;
  }

  @Override
  public void close() {
    stop();
  }
}
