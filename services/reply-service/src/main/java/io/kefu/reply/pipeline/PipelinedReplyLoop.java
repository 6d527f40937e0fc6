package io.kefu.reply.pipeline;

import io.kefu.contract.CustomerMessage;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.model.generate.EngineOverloadedException;
import io.kefu.reply.http.ReplyMetrics;
import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.ConversationState;
import io.kefu.reply.memory.MemoryRestorer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
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
 * The pipelined exactly-once loop: one thread keeps polling while generations run, submits each admitted message at
 * once (so it joins the engine's running batch), and commits finished outcomes on a short cadence.
 *
 * <ul>
 *   <li>Order: a conversation's next message starts only when its previous one is finished, from the state that one
 *       left ({@link ConversationLines}); other conversations proceed independently.</li>
 *   <li>Transactions: once outcomes are ready and {@code commitInterval} has passed since the previous commit (at
 *       once when {@code commitRecords} outcomes are ready), one transaction writes the replies, handoffs, dead
 *       letters and memory snapshots of the longest finished prefix of each partition ({@link PartitionWindow}) with
 *       the offsets after it, and the replies (with their memory snapshots) that finished ahead of an unfinished
 *       message of their partition (at most {@code releaseAhead} per conversation); memory changes only after the
 *       commit. The transaction's Kafka calls run on a committer thread, so the loop keeps polling, admitting and
 *       collecting finished generations while it commits; the next transaction starts only after this one ends, and
 *       a rewind, recovery, rebalance or stop first waits for it.</li>
 *   <li>Backpressure: above {@code maxInFlight} uncommitted messages every partition is paused until they drain.</li>
 *   <li>Failures: a failed or timed-out generation rewinds its partition to the committed offset (after committing
 *       what is finished) and is retried after a backoff, dead-lettered on its last attempt; a transaction that does
 *       not commit drops all in-flight work and rewinds every partition to the group's committed offsets, restoring
 *       memory from conversation-turns.</li>
 *   <li>Rebalance: revoked partitions first commit what is finished, then drop their in-flight work; a result that
 *       arrives for a window no longer current (revoked, rewound) is discarded, so it is never produced.</li>
 * </ul>
 *
 * <p>Only the loop thread touches the windows, lines and consumer; generation threads only enqueue
 * {@link GenerationCompletion}s.
 */
public final class PipelinedReplyLoop implements Runnable {
  /** DLQ reason of a message whose generation failed on its last attempt. */
  public static final String GENERATION_FAILED = "GENERATION_FAILED";

  private static final Logger log = LoggerFactory.getLogger(PipelinedReplyLoop.class);
  /** Longest poll while messages are in flight: a finished generation waits at most this long to be seen. */
  private static final Duration BUSY_POLL = Duration.ofMillis(2);
  /** How often generations are checked against the generation timeout. */
  private static final long EXPIRY_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

  /**
   * How the loop paces itself.
   *
   * @param pollTimeout how long a poll waits while nothing is in flight
   * @param commitInterval least time from the end of one transaction to the start of the next, unless
   *     {@code commitRecords} outcomes are ready; while messages are in flight a poll waits at most 2 ms, so finished
   *     outcomes are seen at once
   * @param commitRecords ready outcomes that trigger a commit at once
   * @param maxInFlight uncommitted messages above which every partition is paused
   * @param generationTimeout longest generation of one message
   * @param maxAttempts attempts at a message before its failing generation is dead-lettered
   * @param retryBackoff pause of a partition after a failed generation, and of the loop after a failed transaction
   * @param releaseAhead how many messages of one conversation may be committed ahead of an unfinished earlier message
   *     of their partition (0: only in offset order); at most the messageIds a conversation remembers, so that a
   *     redo recognises every message answered ahead ({@link PartitionWindow})
   */
  public record Pacing(Duration pollTimeout, Duration commitInterval, int commitRecords, int maxInFlight,
      Duration generationTimeout, int maxAttempts, Duration retryBackoff, int releaseAhead) {
    public Pacing {
      if (commitRecords < 1 || maxInFlight < 1 || maxAttempts < 1 || releaseAhead < 0) {
        throw new IllegalArgumentException("commitRecords, maxInFlight and maxAttempts must be >= 1 and"
            + " releaseAhead >= 0, were " + commitRecords + ", " + maxInFlight + ", " + maxAttempts + " and "
            + releaseAhead);
      }
    }
  }

  /** A consumed record, for counting its failed generations across rewinds. */
  private record Consumed(TopicPartition partition, long offset) {}

  /** A transaction on the committer thread: what it holds, and when it ended ({@link System#nanoTime()}). */
  private record PendingCommit(List<InFlightMessage> batch, PollOutcome outcome, CompletableFuture<Long> ended) {}

  private final Consumer<byte[], byte[]> consumer;
  private final TransactionalProducer producer;
  private final String sourceTopic;
  private final RecordAdmission admission;
  private final MessageResponder responder;
  private final OutcomeRecords outcomeRecords;
  private final ConversationMemory memory;
  private final MemoryRestorer restorer;
  private final ReplyMetrics metrics;
  private final Pacing pacing;
  private final Clock clock;
  private final String service;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ConcurrentLinkedQueue<GenerationCompletion> completions = new ConcurrentLinkedQueue<>();

  private final Map<TopicPartition, PartitionWindow> windows = new HashMap<>();
  private final ConversationLines lines;
  private final List<InFlightMessage> ready = new ArrayList<>();
  private final Map<TopicPartition, Long> backoffUntilNanos = new HashMap<>();
  private final Map<Consumed, Integer> failedAttempts = new HashMap<>();
  private final ExecutorService committer;
  /** The transaction in flight on the committer thread, or null; only the loop thread reads and sets it. */
  private PendingCommit pending;
  private long lastCommitNanos = System.nanoTime();
  private long lastExpiryCheckNanos = System.nanoTime();

  private volatile boolean isReady;
  private volatile Throwable failure;
  /** Set when memory or positions may not match the committed state; only the loop thread reads and clears it. */
  private volatile boolean needsRecovery;
  private volatile boolean closing;

  public PipelinedReplyLoop(Consumer<byte[], byte[]> consumer, TransactionalProducer producer, String sourceTopic,
      RecordAdmission admission, MessageResponder responder, OutcomeRecords outcomeRecords, ConversationMemory memory,
      MemoryRestorer restorer, ReplyMetrics metrics, Pacing pacing, Clock clock, String service) {
    this.consumer = consumer;
    this.producer = producer;
    this.sourceTopic = sourceTopic;
    this.admission = admission;
    this.responder = responder;
    this.outcomeRecords = outcomeRecords;
    this.memory = memory;
    this.restorer = restorer;
    this.metrics = metrics;
    this.pacing = pacing;
    this.clock = clock;
    this.service = service;
    this.lines = new ConversationLines(memory);
    this.committer = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "kefu-reply-commit-" + service);
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void run() {
    try {
      producer.open();
      consumer.subscribe(List.of(sourceTopic), new WindowRebalanceListener());
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
      isReady = false;
      flushOnStop();
      closing = true;
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
    ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
    if (needsRecovery) {
      return; // a restore or commit failed in a rebalance callback: positions are rewound by the recovery
    }
    if (!records.isEmpty()) {
      admit(records, clock.millis());
    }
    drainCompletions();
    expireGenerations();
    collectCommit(false);
    if (needsRecovery) {
      return;
    }
    release();
    if (pending == null && commitDue()) {
      startCommit();
    }
    if (!needsRecovery) {
      applyFlowControl();
    }
  }

  private Duration pollTimeout() {
    boolean busy = !ready.isEmpty() || !backoffUntilNanos.isEmpty() || inFlight() > 0 || pending != null;
    if (!busy) {
      return pacing.pollTimeout();
    }
    return pacing.commitInterval().compareTo(BUSY_POLL) < 0 ? pacing.commitInterval() : BUSY_POLL;
  }

  /** Admits each polled record into its partition's window and starts it when its conversation is idle. */
  private void admit(ConsumerRecords<byte[], byte[]> records, long receivedAtMillis) {
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
        PartitionWindow window = windows.get(tp);
        if (window == null) {
          break; // revoked in this poll's callbacks, or rewound below: the records are read again by their owner
        }
        RecordAdmission.Verdict verdict;
        try {
          verdict = admission.admit(record);
        } catch (PollRetryException e) {
          log.warn("cannot admit {}; rewinding {} to offset {} and retrying in {}", RecordAdmission.where(record), tp,
              window.committedPosition(), pacing.retryBackoff(), e);
          rewind(tp);
          break;
        }
        if (verdict instanceof RecordAdmission.Refused refused) {
          InFlightMessage m = new InFlightMessage(record, window, receivedAtMillis, null, null);
          window.add(m);
          m.finish(new MessageOutcome.DeadLettered(record, refused.deadLetter()), null);
          continue;
        }
        CustomerMessage message = ((RecordAdmission.Admitted) verdict).message();
        InFlightMessage m = new InFlightMessage(record, window, receivedAtMillis,
            new ConversationKey(tp.partition(), message.getConversationId()), message);
        window.add(m);
        if (lines.admit(m)) {
          start(m);
        }
      }
    }
  }

  /** Starts generating {@code first}, then any message of its conversation that needs no generation. */
  private void start(InFlightMessage first) {
    InFlightMessage next = first;
    while (next != null) {
      InFlightMessage m = next;
      ConversationState state = lines.state(m.key());
      String messageId = m.message().getMessageId();
      if (state.hasAnswered(messageId)) {
        try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", m.message().getConversationId())) {
          log.info("skipping {}: messageId {} was answered before", RecordAdmission.where(m.record()), messageId);
        }
        m.finish(new MessageOutcome.Duplicate(m.record(), messageId), null);
        next = lines.finished(m, null);
        continue;
      }
      m.generationStarted(System.nanoTime());
      CompletableFuture<MessageResponder.Responded> responding;
      try {
        responding = responder.respond(m.message(), state);
      } catch (RuntimeException e) {
        responding = CompletableFuture.failedFuture(e);
      }
      responding.whenComplete((responded, error) -> completions.add(new GenerationCompletion(m, responded, error)));
      next = null;
    }
  }

  private void drainCompletions() {
    for (GenerationCompletion c = completions.poll(); c != null && !needsRecovery; c = completions.poll()) {
      InFlightMessage m = c.message();
      if (!isCurrent(m)) {
        continue; // a late result of a revoked or rewound partition, or of a timed-out generation: never produced
      }
      if (c.error() == null) {
        finish(m, new MessageOutcome.Answered(m.record(), c.responded().answer()), c.responded().state());
      } else {
        generationFailed(m, unwrap(c.error()));
      }
    }
  }

  private boolean isCurrent(InFlightMessage m) {
    return m.isGenerating() && windows.get(m.partition()) == m.window();
  }

  private void finish(InFlightMessage m, MessageOutcome outcome, ConversationState stateAfter) {
    m.finish(outcome, stateAfter);
    InFlightMessage next = lines.finished(m, stateAfter);
    if (next != null) {
      start(next);
    }
  }

  /** Fails generations that outlived the generation timeout. */
  private void expireGenerations() {
    long now = System.nanoTime();
    if (now - lastExpiryCheckNanos < EXPIRY_CHECK_NANOS) {
      return;
    }
    lastExpiryCheckNanos = now;
    long timeout = pacing.generationTimeout().toNanos();
    List<InFlightMessage> expired = new ArrayList<>();
    for (PartitionWindow window : windows.values()) {
      for (InFlightMessage m : window.messages()) {
        if (m.isGenerating() && now - m.generationStartedNanos() > timeout) {
          expired.add(m);
        }
      }
    }
    for (InFlightMessage m : expired) {
      if (isCurrent(m) && !needsRecovery) {
        generationFailed(m, new TimeoutException("generation of " + RecordAdmission.where(m.record())
            + " did not finish within " + pacing.generationTimeout()));
      }
    }
  }

  private void generationFailed(InFlightMessage m, Throwable cause) {
    String where = RecordAdmission.where(m.record());
    if (cause instanceof EngineOverloadedException) {
      log.warn("the engine refused {}; rewinding {} to offset {} and retrying in {}", where, m.partition(),
          m.window().committedPosition(), pacing.retryBackoff(), cause);
      rewind(m.partition());
      return;
    }
    int attempt = failedAttempts.merge(new Consumed(m.partition(), m.offset()), 1, Integer::sum);
    try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", m.message().getConversationId())) {
      if (attempt >= pacing.maxAttempts()) {
        log.error("dead-lettering {} after its generation failed {} times", where, attempt, cause);
        finish(m, new MessageOutcome.DeadLettered(m.record(), DeadLetter.of(GENERATION_FAILED, cause,
            m.record().topic(), m.record().partition(), m.record().offset(), service)), null);
      } else {
        log.warn("generation of {} failed (attempt {} of {}); rewinding {} to offset {} and retrying in {}", where,
            attempt, pacing.maxAttempts(), m.partition(), m.window().committedPosition(), pacing.retryBackoff(),
            cause);
        rewind(m.partition());
      }
    }
  }

  /**
   * Commits what is finished, then drops the partition's in-flight work and reads it again from its committed
   * offset after the retry backoff.
   */
  private void rewind(TopicPartition tp) {
    release();
    commit();
    PartitionWindow old = windows.get(tp);
    if (needsRecovery || old == null) {
      return; // the commit failed (everything is rewound by the recovery), or the partition is no longer ours
    }
    lines.dropPartition(tp.partition());
    windows.put(tp, new PartitionWindow(tp, old.committedPosition()));
    consumer.seek(tp, old.committedPosition());
    backoffUntilNanos.put(tp, System.nanoTime() + pacing.retryBackoff().toNanos());
    applyFlowControl();
  }

  private void release() {
    for (PartitionWindow window : windows.values()) {
      ready.addAll(window.releaseFinished(pacing.releaseAhead()));
    }
  }

  private boolean commitDue() {
    return (!ready.isEmpty() || hasUncommittedPositions()) && (ready.size() >= pacing.commitRecords()
        || System.nanoTime() - lastCommitNanos >= pacing.commitInterval().toNanos());
  }

  /** True when a window's released prefix passed its committed offset, through messages committed ahead before. */
  private boolean hasUncommittedPositions() {
    for (PartitionWindow window : windows.values()) {
      if (window.hasUncommittedPosition()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Commits every ready outcome with its partitions' offsets (the ends of their released prefixes) in one
   * transaction and waits for it, after the one in flight; on failure starts a recovery.
   */
  private void commit() {
    collectCommit(true);
    startCommit();
    collectCommit(true);
  }

  /**
   * Hands every ready outcome with its partitions' offsets (the ends of their released prefixes) to the committer
   * thread as one transaction; nothing is done when a transaction is still in flight or nothing is ready.
   */
  private void startCommit() {
    if (pending != null || (ready.isEmpty() && !hasUncommittedPositions())) {
      return;
    }
    List<InFlightMessage> batch = List.copyOf(ready);
    long startedNanos = System.nanoTime();
    // Every partition with an outcome in the transaction carries its offset, even one unchanged since the last
    // commit: the offset commit is what checks the group generation, so a zombie's replies are fenced (KIP-447).
    Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    for (InFlightMessage m : batch) {
      positions.put(m.partition(), m.window().releasedPosition());
    }
    for (PartitionWindow window : windows.values()) {
      if (window.hasUncommittedPosition()) {
        positions.put(window.partition(), window.releasedPosition());
      }
    }
    PollOutcome outcome = TransactionBatch.of(batch, positions, clock.millis(), startedNanos - lastCommitNanos);
    List<ProducerRecord<byte[], byte[]>> records = outcomeRecords.records(outcome);
    ConsumerGroupMetadata group = consumer.groupMetadata();
    pending = new PendingCommit(batch, outcome, CompletableFuture.supplyAsync(() -> {
      producer.commit(records, outcome.nextOffsets(), group);
      return System.nanoTime();
    }, committer));
  }

  /**
   * Applies the transaction in flight once it has ended, waiting for it when {@code wait}: on commit, memory, lines
   * and windows move on; on failure, all in-flight work is dropped and a recovery starts.
   */
  private void collectCommit(boolean wait) {
    PendingCommit done = pending;
    if (done == null || (!wait && !done.ended().isDone())) {
      return;
    }
    pending = null;
    long endedNanos;
    try {
      endedNanos = done.ended().join();
    } catch (CompletionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof KafkaException kafka) {
        transactionFailed(done.batch().size(), kafka);
        return;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof RuntimeException runtime ? runtime : e;
    }
    ready.removeAll(new HashSet<>(done.batch())); // identity set: one lookup per ready outcome, not a list scan
    lastCommitNanos = endedNanos;
    PollOutcome outcome = done.outcome();
    for (Map.Entry<ConversationKey, ConversationState> e : outcome.states().entrySet()) {
      memory.put(e.getKey().partition(), e.getKey().conversationId(), e.getValue());
    }
    for (InFlightMessage m : done.batch()) {
      if (m.key() != null) {
        lines.committed(m);
      }
      failedAttempts.remove(new Consumed(m.partition(), m.offset()));
    }
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : outcome.nextOffsets().entrySet()) {
      PartitionWindow window = windows.get(e.getKey());
      if (window != null) {
        window.committedUpTo(e.getValue().offset());
      }
    }
    metrics.committed(outcome);
    CommitLog.committed(outcome);
  }

  private void transactionFailed(int records, RuntimeException e) {
    metrics.aborted();
    log.warn("transaction for {} outcomes not committed; dropping in-flight work and rewinding to the committed"
        + " offsets", records, e);
    dropEverything();
    needsRecovery = true;
    isReady = false;
    if (!(e instanceof WakeupException || e instanceof InterruptException)) {
      awaitStop(pacing.retryBackoff());
    }
  }

  /** Seeks every assigned partition back to its committed offset, restores its memory and opens fresh windows. */
  private void recover() {
    try {
      collectCommit(true); // the committed offsets read below must include the transaction in flight
      dropEverything();
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
        for (TopicPartition tp : assignment) {
          windows.put(tp, new PartitionWindow(tp, consumer.position(tp)));
        }
      }
      consumer.resume(consumer.paused());
      needsRecovery = false;
      isReady = true;
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("recovery of partitions {} failed; retrying in {}", consumer.assignment(), pacing.retryBackoff(), e);
      awaitStop(pacing.retryBackoff());
    }
  }

  private void dropEverything() {
    windows.clear();
    lines.clear();
    ready.clear();
    backoffUntilNanos.clear();
  }

  private void restore(Collection<TopicPartition> partitions) {
    List<Integer> numbers = partitions.stream().map(TopicPartition::partition).sorted().toList();
    MemoryRestorer.Restored restored = restorer.restore(numbers);
    restored.states().forEach(memory::replacePartition);
    log.info("restored memory of {} conversations from {} snapshots ({} unreadable) for partitions {}",
        restored.states().values().stream().mapToInt(Map::size).sum(), restored.records(), restored.unreadable(),
        numbers);
  }

  /** Pauses every partition while too much is in flight, and partitions backing off after a failure. */
  private void applyFlowControl() {
    long now = System.nanoTime();
    backoffUntilNanos.values().removeIf(until -> until <= now);
    Set<TopicPartition> wanted = new HashSet<>(inFlight() >= pacing.maxInFlight() ? windows.keySet()
        : backoffUntilNanos.keySet());
    Set<TopicPartition> paused = consumer.paused();
    List<TopicPartition> pause = wanted.stream().filter(tp -> !paused.contains(tp)).toList();
    List<TopicPartition> resume = paused.stream().filter(tp -> !wanted.contains(tp)).toList();
    if (!pause.isEmpty()) {
      consumer.pause(pause);
    }
    if (!resume.isEmpty()) {
      consumer.resume(resume);
    }
  }

  private int inFlight() {
    int count = ready.size();
    for (PartitionWindow window : windows.values()) {
      count += window.size();
    }
    return count;
  }

  /** Commits what is finished before the clients close, so a clean stop leaves little to redo. */
  private void flushOnStop() {
    if (failure != null || needsRecovery || windows.isEmpty()) {
      return;
    }
    try {
      drainCompletions();
      release();
      commit();
    } catch (RuntimeException e) {
      log.warn("committing the finished outcomes at stop failed; the next owner of the partitions redoes them", e);
    }
  }

  /** Asks the loop to stop after its current cycle; returns at once. */
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
    return isReady && isLive();
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

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void closeClients() {
    try {
      collectCommit(true);
    } catch (RuntimeException e) {
      log.warn("the transaction in flight at stop failed; the next owner of its partitions redoes them", e);
    }
    committer.shutdown();
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

  /** Opens windows and restores memory for assigned partitions; commits what is finished before revocation. */
  private final class WindowRebalanceListener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      try {
        // Fetching positions waits for offsets of transactions still pending on these partitions (read_committed).
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
        restore(partitions);
        positions.forEach((tp, position) -> windows.put(tp, new PartitionWindow(tp, position)));
        isReady = !needsRecovery;
      } catch (WakeupException | InterruptException e) {
        throw e;
      } catch (RuntimeException e) {
        log.error("restoring memory for assigned partitions {} failed; recovering before consuming them",
            partitions, e);
        needsRecovery = true;
        isReady = false;
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      collectCommit(true);
      if (!closing && !needsRecovery && !partitions.isEmpty()) {
        release();
        commit(); // still a member of this generation: what is finished is committed, not redone by the next owner
      }
      drop(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      collectCommit(true);
      drop(partitions);
    }

    private void drop(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        windows.remove(tp);
        lines.dropPartition(tp.partition());
        memory.dropPartition(tp.partition());
        backoffUntilNanos.remove(tp);
        ready.removeIf(m -> m.partition().equals(tp));
        failedAttempts.keySet().removeIf(c -> c.partition().equals(tp));
      }
    }
  }
}
