package io.kefu.reply.pipeline;

import io.kefu.contract.CustomerMessage;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.reply.memory.ConversationMemory;
import io.kefu.reply.memory.ConversationState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns one poll's records into outcomes without writing anything: records {@link RecordAdmission} refuses become
 * dead letters, and the valid messages of each conversation are answered in order (each one sees the state the previous one left),
 * while different conversations are answered concurrently so the generation engine can batch them.
 */
public final class PollProcessor {
  /** DLQ reason of a message whose generation failed on the last attempt. */
  public static final String GENERATION_FAILED = "GENERATION_FAILED";

  private static final Logger log = LoggerFactory.getLogger(PollProcessor.class);

  private record Pending(int index, ConsumerRecord<byte[], byte[]> record, CustomerMessage message) {}

  private final RecordAdmission admission;
  private final MessageResponder responder;
  private final ConversationMemory memory;
  private final Duration generationTimeout;
  private final String service;

  public PollProcessor(RecordAdmission admission, MessageResponder responder, ConversationMemory memory,
      Duration generationTimeout, String service) {
    this.admission = admission;
    this.responder = responder;
    this.memory = memory;
    this.generationTimeout = generationTimeout;
    this.service = service;
  }

  /**
   * Answers {@code records}; with {@code deadLetterFailures} a message whose generation fails is dead-lettered
   * instead of failing the poll.
   *
   * @throws PollRetryException when the poll must be retried: registry unreachable, generation failed or timed out
   */
  public PollOutcome process(ConsumerRecords<byte[], byte[]> records, boolean deadLetterFailures) {
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>(records.count());
    records.forEach(all::add);
    AtomicReferenceArray<MessageOutcome> slots = new AtomicReferenceArray<>(all.size());
    Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
    Map<ConversationKey, List<Pending>> conversations = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      ConsumerRecord<byte[], byte[]> record = all.get(i);
      nextOffsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
      MessageOutcome.DeadLettered refused = admit(i, record, conversations);
      if (refused != null) {
        slots.set(i, refused);
      }
    }
    long started = System.nanoTime();
    Map<ConversationKey, CompletableFuture<ConversationState>> chains = new LinkedHashMap<>();
    conversations.forEach((key, pending) -> chains.put(key, chain(key, pending, slots, deadLetterFailures)));
    await(chains);
    long generationNanos = System.nanoTime() - started;

    Map<ConversationKey, ConversationState> states = new HashMap<>();
    chains.forEach((key, chain) -> {
      ConversationState after = chain.join();
      if (!after.equals(memory.get(key.partition(), key.conversationId()))) {
        states.put(key, after);
      }
    });
    List<MessageOutcome> outcomes = new ArrayList<>(all.size());
    long tokens = 0;
    for (int i = 0; i < all.size(); i++) {
      MessageOutcome outcome = slots.get(i);
      if (outcome instanceof MessageOutcome.Answered answered) {
        tokens += answered.answer().tokens();
      }
      outcomes.add(outcome);
    }
    return new PollOutcome(outcomes, states, nextOffsets, chains.size(), tokens, generationNanos);
  }

  /** Admits one record: returns its dead letter, or queues its message on its conversation. */
  private MessageOutcome.DeadLettered admit(int index, ConsumerRecord<byte[], byte[]> record,
      Map<ConversationKey, List<Pending>> conversations) {
    RecordAdmission.Verdict verdict = admission.admit(record);
    if (verdict instanceof RecordAdmission.Refused refused) {
      return new MessageOutcome.DeadLettered(record, refused.deadLetter());
    }
    CustomerMessage message = ((RecordAdmission.Admitted) verdict).message();
    conversations.computeIfAbsent(new ConversationKey(record.partition(), message.getConversationId()),
        k -> new ArrayList<>()).add(new Pending(index, record, message));
    return null;
  }

  /** Answers a conversation's messages one after another, starting from its remembered state. */
  private CompletableFuture<ConversationState> chain(ConversationKey key, List<Pending> pending,
      AtomicReferenceArray<MessageOutcome> slots, boolean deadLetterFailures) {
    CompletableFuture<ConversationState> chain =
        CompletableFuture.completedFuture(memory.get(key.partition(), key.conversationId()));
    for (Pending p : pending) {
      chain = chain.thenCompose(state -> step(p, state, slots, deadLetterFailures));
    }
    return chain;
  }

  private CompletableFuture<ConversationState> step(Pending p, ConversationState state,
      AtomicReferenceArray<MessageOutcome> slots, boolean deadLetterFailures) {
    String messageId = p.message().getMessageId();
    if (state.hasAnswered(messageId)) {
      try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", p.message().getConversationId())) {
        log.info("skipping {}: messageId {} was answered before", where(p.record()), messageId);
      }
      slots.set(p.index(), new MessageOutcome.Duplicate(p.record(), messageId));
      return CompletableFuture.completedFuture(state);
    }
    CompletableFuture<MessageResponder.Responded> responding;
    try {
      responding = responder.respond(p.message(), state);
    } catch (RuntimeException e) {
      responding = CompletableFuture.failedFuture(e);
    }
    return responding.handle((responded, error) -> {
      if (error == null) {
        slots.set(p.index(), new MessageOutcome.Answered(p.record(), responded.answer()));
        return CompletableFuture.completedFuture(responded.state());
      }
      Throwable cause = unwrap(error);
      if (!deadLetterFailures) {
        return CompletableFuture.<ConversationState>failedFuture(cause);
      }
      try (MDC.MDCCloseable c = MDC.putCloseable("conversationId", p.message().getConversationId())) {
        log.error("dead-lettering {} after its last generation attempt failed", where(p.record()), cause);
      }
      slots.set(p.index(), new MessageOutcome.DeadLettered(p.record(), DeadLetter.of(GENERATION_FAILED, cause,
          p.record().topic(), p.record().partition(), p.record().offset(), service)));
      return CompletableFuture.completedFuture(state);
    }).thenCompose(f -> f);
  }

  private void await(Map<ConversationKey, CompletableFuture<ConversationState>> chains) {
    CompletableFuture<Void> all = CompletableFuture.allOf(chains.values().toArray(CompletableFuture[]::new));
    try {
      all.get(generationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      long done = chains.values().stream().filter(CompletableFuture::isDone).count();
      throw new PollRetryException("generation for " + chains.size() + " conversations did not finish within "
          + generationTimeout + " (" + done + " finished)", e);
    } catch (ExecutionException e) {
      throw new PollRetryException("generation failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollRetryException("interrupted while waiting for generation", e);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String where(ConsumerRecord<byte[], byte[]> record) {
    return RecordAdmission.where(record);
  }
}
