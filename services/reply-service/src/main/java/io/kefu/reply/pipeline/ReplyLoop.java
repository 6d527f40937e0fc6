package io.kefu.reply.pipeline;

import io.kefu.reply.http.ReplyMetrics;
import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.ConversationState;
import io.kefu.reply.memory.MemoryRestorer;
import io.kefu.serde.AvroWireFormatException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The consume-transform-produce loop: poll, answer the poll ({@link PollProcessor}), then write every output, the
 * memory snapshots and the consumer offsets in one Kafka transaction; the in-memory conversation states change only
 * after the commit.
 *
 * <p>When a transaction does not commit, the loop aborts it, seeks back to the last committed offsets and restores
 * conversation memory from conversation-turns, so the retried poll starts from exactly the committed state. Rebalance
 * callbacks run inside {@code poll}, between transactions, so no transaction is open when partitions move.
 */
public final class ReplyLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ReplyLoop.class);

  /**
   * How the loop paces itself.
   *
   * @param pollTimeout how long one poll waits
   * @param maxAttempts attempts at a poll before failing generations are dead-lettered
   * @param retryBackoff pause before a retry
   */
  public record Pacing(Duration pollTimeout, int maxAttempts, Duration retryBackoff) {}

  private final Consumer<byte[], byte[]> consumer;
  private final TransactionalProducer producer;
  private final String sourceTopic;
  private final PollProcessor processor;
  private final OutcomeRecords outcomeRecords;
  private final ConversationMemory memory;
  private final MemoryRestorer restorer;
  private final ReplyMetrics metrics;
  private final Pacing pacing;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  private volatile boolean ready;
  private volatile Throwable failure;
  /** Set when memory or positions may not match the committed state; only the loop thread reads and clears it. */
  private volatile boolean needsRecovery;
  private int attempt = 1;

  public ReplyLoop(Consumer<byte[], byte[]> consumer, TransactionalProducer producer, String sourceTopic,
      PollProcessor processor, OutcomeRecords outcomeRecords, ConversationMemory memory, MemoryRestorer restorer,
      ReplyMetrics metrics, Pacing pacing, Clock clock) {
    this.consumer = consumer;
    this.producer = producer;
    this.sourceTopic = sourceTopic;
    this.processor = processor;
    this.outcomeRecords = outcomeRecords;
    this.memory = memory;
    this.restorer = restorer;
    this.metrics = metrics;
    this.pacing = pacing;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      producer.open();
      consumer.subscribe(List.of(sourceTopic), new MemoryRebalanceListener());
      while (!isStopRequested()) {
        cycle();
      }
    } catch (WakeupException e) {
      if (!isStopRequested()) {
        failure = e;
        log.error("reply loop woken up without a stop request", e);
      }
    } catch (InterruptException e) {
      if (!isStopRequested()) {
        failure = e;
        log.error("reply loop interrupted without a stop request", e);
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      log.error("reply loop stopped by an unexpected failure", e);
    } finally {
      ready = false;
      closeClients();
      finished.countDown();
    }
  }

  private void cycle() {
    if (needsRecovery) {
      recover();
      if (needsRecovery) {
        return;
      }
    }
    ConsumerRecords<byte[], byte[]> records = consumer.poll(pacing.pollTimeout());
    if (records.isEmpty() || needsRecovery) {
      return; // with needsRecovery set by a failed restore in poll, the records are re-read after recovery
    }
    long receivedAt = clock.millis();
    PollOutcome outcome;
    try {
      outcome = processor.process(records, attempt >= pacing.maxAttempts());
      List<ProducerRecord<byte[], byte[]>> out = outcomeRecords.records(outcome, receivedAt);
      producer.commit(out, outcome.nextOffsets(), consumer.groupMetadata());
    } catch (PollRetryException | AvroWireFormatException e) {
      attempt++;
      failed(records.count(), e);
      return;
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      failed(records.count(), e);
      return;
    }
    attempt = 1;
    for (Map.Entry<ConversationKey, ConversationState> e : outcome.states().entrySet()) {
      memory.put(e.getKey().partition(), e.getKey().conversationId(), e.getValue());
    }
    metrics.committed(outcome);
    logCommitted(outcome);
  }

  private void failed(int records, RuntimeException e) {
    metrics.aborted();
    log.warn("transaction for {} records not committed (attempt {}); rewinding to the committed offsets", records,
        attempt, e);
    needsRecovery = true;
    ready = false;
    awaitStop(pacing.retryBackoff());
  }

  /** Seeks every assigned partition back to its committed offset and restores its memory. */
  private void recover() {
    try {
      Set<TopicPartition> assignment = consumer.assignment();
      if (!assignment.isEmpty()) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        for (TopicPartition tp : assignment) {
          OffsetAndMetadata offset = committed.get(tp);
          if (offset == null) {
            consumer.seekToBeginning(List.of(tp));
          } else {
            consumer.seek(tp, offset);
          }
        }
        restore(assignment);
      }
      needsRecovery = false;
      ready = true;
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("recovery of partitions {} failed; retrying in {}", consumer.assignment(), pacing.retryBackoff(), e);
      awaitStop(pacing.retryBackoff());
    }
  }

  private void restore(Collection<TopicPartition> partitions) {
    List<Integer> numbers = partitions.stream().map(TopicPartition::partition).sorted().toList();
    MemoryRestorer.Restored restored = restorer.restore(numbers);
    restored.states().forEach(memory::replacePartition);
    log.info("restored memory of {} conversations from {} snapshots ({} unreadable) for partitions {}",
        restored.states().values().stream().mapToInt(Map::size).sum(), restored.records(), restored.unreadable(),
        numbers);
  }

  private void logCommitted(PollOutcome outcome) {
    for (MessageOutcome o : outcome.outcomes()) {
      if (o instanceof MessageOutcome.Answered answered) {
        var reply = answered.answer().reply();
        try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", reply.getConversationId());
            MDC.MDCCloseable r = MDC.putCloseable("replyId", reply.getReplyId())) {
          if (answered.answer().handoff() != null) {
            log.info("handed off message {} ({}, confidence {}) in {} ms", reply.getInReplyTo(),
                answered.answer().handoff().getReason(), String.format("%.3f", reply.getConfidence()),
                reply.getLatencyMs());
          } else {
            log.debug("answered message {} (confidence {}) in {} ms", reply.getInReplyTo(),
                String.format("%.3f", reply.getConfidence()), reply.getLatencyMs());
          }
        }
      }
    }
  }

  /** Asks the loop to stop after the current poll; returns at once. */
  public void requestStop() {
    stopRequested.countDown();
    consumer.wakeup();
  }

  /** Waits until the loop has stopped and closed its clients. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True while the loop runs. */
  public boolean isLive() {
    return finished.getCount() > 0 && failure == null;
  }

  /** True once partitions are assigned and their memory restored, and while no recovery is pending. */
  public boolean isReady() {
    return ready && isLive();
  }

  /** The failure that stopped the loop, or null. */
  public Throwable failure() {
    return failure;
  }

  private boolean isStopRequested() {
    return stopRequested.getCount() == 0;
  }

  private void awaitStop(Duration pause) {
    try {
      stopRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  private void closeClients() {
    try {
      producer.close();
    } catch (RuntimeException e) {
      log.warn("closing the producer failed", e);
    }
    try {
      consumer.close();
    } catch (RuntimeException e) {
      log.warn("closing the consumer failed", e);
    }
  }

  /** Restores memory for assigned partitions before they are consumed, and forgets revoked ones. */
  private final class MemoryRebalanceListener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      try {
        // Fetching positions waits for offsets of transactions still pending on these partitions (read_committed).
        partitions.forEach(consumer::position);
        restore(partitions);
        ready = !needsRecovery;
      } catch (WakeupException | InterruptException e) {
        throw e;
      } catch (RuntimeException e) {
        log.error("restoring memory for assigned partitions {} failed; recovering before consuming them",
            partitions, e);
        needsRecovery = true;
        ready = false;
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(tp -> memory.dropPartition(tp.partition()));
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(tp -> memory.dropPartition(tp.partition()));
    }
  }
}
