package io.kefu.feedback.join;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.TrainingExample;
import io.kefu.feedback.FeedbackCounters;
import io.kefu.feedback.aggregate.MetricEvent;
import io.kefu.feedback.aggregate.VersionKeys;
import io.kefu.feedback.errors.RegistryUnavailableException;
import io.kefu.feedback.route.DeadLetters;
import io.kefu.feedback.route.FeedbackReasons;
import io.kefu.feedback.route.Routed;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.serde.AvroWireFormatException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins ratings with the replies they rate, both keyed by replyId, in whichever order they arrive.
 *
 * <p>A rating whose reply is known becomes a training example at once; one that comes first is held until its
 * reply arrives. Replies and held ratings are kept for the grace (on event time; on a partition that receives nothing,
 * time moves on with the wall clock from the last record's); a punctuator then
 * dead-letters held ratings as {@code UNKNOWN_REPLY} and forgets replies, keeping a content-free marker of each for
 * one more grace. A rating more than the grace after its reply, or of a forgotten reply, is
 * {@code RATING_TOO_LATE}, whether or not the punctuator has run yet. A re-rating replaces the example (same key,
 * latest rating by {@code ratedAt}); a rating identical to the accepted one changes nothing. A human reply becomes
 * an example on arrival.
 */
public final class FeedbackJoinProcessor implements Processor<String, Routed, String, Routed> {
  public static final String REPLIES_STORE = "feedback-join-replies";
  public static final String PENDING_STORE = "feedback-join-pending-ratings";
  public static final String REPLY_EXPIRY_STORE = "feedback-join-reply-expiry";
  public static final String PENDING_EXPIRY_STORE = "feedback-join-pending-expiry";
  /** At most this many entries of each store expire per punctuation; the rest expire at the next one. */
  static final int EXPIRY_BATCH = 10_000;

  private static final Logger log = LoggerFactory.getLogger(FeedbackJoinProcessor.class);

  private final Duration grace;
  private final Duration expiryInterval;
  private final Deserializer<AgentReply> replyDeserializer;
  private final String replyTopic;
  private final String dlqTopic;
  private final String service;
  private final ExampleBuilder examples;
  private final FeedbackCounters counters;

  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, StoredReply> replies;
  private KeyValueStore<String, HeldRating> pending;
  private ExpiryIndex replyExpiry;
  private ExpiryIndex pendingExpiry;
  private long seenStreamTime = -1;
  private long seenAtWallClock;

  /**
   * @param replyTopic the topic the reply bytes were first read from (names the registry subject when decoding)
   * @param dlqTopic the feedback dead-letter topic
   */
  public FeedbackJoinProcessor(Duration grace, Duration expiryInterval, Deserializer<AgentReply> replyDeserializer,
      String replyTopic, String dlqTopic, String service, ExampleBuilder examples, FeedbackCounters counters) {
    this.grace = Objects.requireNonNull(grace, "grace");
    this.expiryInterval = Objects.requireNonNull(expiryInterval, "expiryInterval");
    this.replyDeserializer = Objects.requireNonNull(replyDeserializer, "replyDeserializer");
    this.replyTopic = Objects.requireNonNull(replyTopic, "replyTopic");
    this.dlqTopic = Objects.requireNonNull(dlqTopic, "dlqTopic");
    this.service = Objects.requireNonNull(service, "service");
    this.examples = Objects.requireNonNull(examples, "examples");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.replies = context.getStateStore(REPLIES_STORE);
    this.pending = context.getStateStore(PENDING_STORE);
    KeyValueStore<Bytes, byte[]> replyIndex = context.getStateStore(REPLY_EXPIRY_STORE);
    KeyValueStore<Bytes, byte[]> pendingIndex = context.getStateStore(PENDING_EXPIRY_STORE);
    this.replyExpiry = new ExpiryIndex(replyIndex);
    this.pendingExpiry = new ExpiryIndex(pendingIndex);
    context.schedule(expiryInterval, PunctuationType.STREAM_TIME, this::expire);
    context.schedule(expiryInterval, PunctuationType.WALL_CLOCK_TIME, this::expireWhileIdle);
  }

  /** Notes when stream time last moved, so that an idle partition's time can move on with the wall clock. */
  private void noteStreamTime() {
    long streamTime = context.currentStreamTimeMs();
    if (streamTime > seenStreamTime) {
      seenStreamTime = streamTime;
      seenAtWallClock = context.currentSystemTimeMs();
    }
  }

  /**
   * On a partition that has received nothing for at least one expiry interval, lets time move on as the wall clock
   * does: a rating of a reply that never comes is dead-lettered one grace later even when no record follows it.
   */
  private void expireWhileIdle(long wallClock) {
    long idle = wallClock - seenAtWallClock;
    if (seenStreamTime >= 0 && idle >= expiryInterval.toMillis()) {
      expire(seenStreamTime + idle);
    }
  }

  @Override
  public void process(Record<String, Routed> record) {
    noteStreamTime();
    if (record.value() instanceof Routed.ReplyBytes reply) {
      onReply(record.key(), reply.value(), record.timestamp());
    } else if (record.value() instanceof Routed.RatingReceived rating) {
      onRating(record.key(), rating.rating());
    } else {
      throw new IllegalArgumentException("the join takes ReplyBytes and RatingReceived, got "
          + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
    }
  }

  private void onReply(String replyId, byte[] value, long timestamp) {
    StoredReply existing = replies.get(replyId);
    if (existing != null && existing.forgotten()) {
      log.debug("reply {} arrived again after the grace; it was already counted and is ignored", replyId);
      return;
    }
    if (existing != null && Arrays.equals(existing.value(), value)) {
      return; // the same reply delivered again
    }
    AgentReply reply = decode(value);
    StoredReply stored;
    if (existing == null) {
      stored = StoredReply.first(value, timestamp);
      replyExpiry.add(timestamp, replyId);
      Long latency = reply.getAuthor() == AuthorKind.HUMAN ? null : reply.getLatencyMs();
      emitMetric(VersionKeys.of(reply), MetricEvent.reply(latency), timestamp);
    } else {
      stored = existing.withValue(value);
    }
    replies.put(replyId, stored);
    HeldRating held = pending.get(replyId);
    if (held != null) {
      pending.delete(replyId);
      pendingExpiry.remove(held.timestamp(), replyId);
      applyRating(replyId, reply, stored, held);
      return;
    }
    boolean human = reply.getAuthor() == AuthorKind.HUMAN;
    boolean changedRatedReply = existing != null && stored.rating() != null && reply.getAuthor() == AuthorKind.MODEL;
    if (human || changedRatedReply) {
      long eventTime = Math.max(timestamp, stored.timestamp());
      Optional<TrainingExample> example = examples.build(reply, stored.rating(), stored.comment(), eventTime);
      if (example.isPresent()) {
        emitExample(replyId, example.get(), eventTime);
      } else {
        log.warn("reply {} of conversation {} has no customer turn in its context; no training example made",
            replyId, reply.getConversationId());
        counters.skipped(replyTopic, FeedbackReasons.NO_CUSTOMER_MESSAGE);
      }
    }
  }

  private void onRating(String replyId, HeldRating held) {
    StoredReply stored = replies.get(replyId);
    if (stored != null && stored.forgotten()) {
      tooLate(replyId, held, stored);
      return;
    }
    if (stored != null) {
      applyRating(replyId, decode(stored.value()), stored, held);
      return;
    }
    HeldRating earlier = pending.get(replyId);
    if (earlier != null) {
      if (held.ratedAt() < earlier.ratedAt()) {
        counters.ratingIgnored("stale");
        return;
      }
      pendingExpiry.remove(earlier.timestamp(), replyId);
      counters.ratingIgnored("superseded");
    }
    pending.put(replyId, held);
    pendingExpiry.add(held.timestamp(), replyId);
  }

  private void applyRating(String replyId, AgentReply reply, StoredReply stored, HeldRating held) {
    if (stored.ratedAt() != null && held.ratedAt() < stored.ratedAt()) {
      counters.ratingIgnored("stale");
      return;
    }
    if (stored.hasSameRating(held)) {
      counters.ratingIgnored("duplicate");
      return;
    }
    long eventTime = Math.max(held.timestamp(), stored.timestamp());
    long gap = held.timestamp() - stored.timestamp();
    if (gap > grace.toMillis()) {
      tooLate(replyId, held, stored);
      return;
    }
    if (-gap > grace.toMillis()) {
      deadLetter(held, FeedbackReasons.UNKNOWN_REPLY, "reply " + replyId + " came " + Duration.ofMillis(-gap)
          + " after its rating; the grace is " + grace, eventTime);
      return;
    }
    if (reply.getAuthor() != AuthorKind.SYSTEM) {
      Optional<TrainingExample> example = examples.build(reply, held.rating(), held.comment(), eventTime);
      if (example.isEmpty()) {
        deadLetter(held, FeedbackReasons.NO_CUSTOMER_MESSAGE, "reply " + replyId + " has no customer turn in its"
            + " context, so its rating cannot become a training example", eventTime);
        return;
      }
      emitExample(replyId, example.get(), eventTime);
    }
    replies.put(replyId, stored.withRating(held));
    emitMetric(VersionKeys.of(reply), MetricEvent.rating(held.rating(), stored.rating()), eventTime);
  }

  private void tooLate(String replyId, HeldRating held, StoredReply stored) {
    long gap = held.timestamp() - stored.timestamp();
    String detail = "rating of reply " + replyId + " came " + Duration.ofMillis(gap) + " after the reply; the grace is "
        + grace + (gap <= grace.toMillis() ? ", and stream time had already passed it, so the reply is forgotten" : "");
    deadLetter(held, FeedbackReasons.RATING_TOO_LATE, detail, Math.max(held.timestamp(), stored.timestamp()));
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - grace.toMillis();
    for (ExpiryIndex.Entry entry : pendingExpiry.takeBefore(cutoff, EXPIRY_BATCH)) {
      HeldRating held = pending.get(entry.id());
      if (held != null && held.timestamp() == entry.timestamp()) {
        pending.delete(entry.id());
        deadLetter(held, FeedbackReasons.UNKNOWN_REPLY, "no reply " + entry.id() + " arrived within the grace of "
            + grace + " after the rating", streamTime);
      }
    }
    for (ExpiryIndex.Entry entry : replyExpiry.takeBefore(cutoff, EXPIRY_BATCH)) {
      StoredReply stored = replies.get(entry.id());
      if (stored == null) {
        continue;
      }
      if (!stored.forgotten() && stored.timestamp() == entry.timestamp()) {
        replies.put(entry.id(), stored.forget());
        replyExpiry.add(entry.timestamp() + grace.toMillis(), entry.id()); // the marker goes one grace later
      } else if (stored.forgotten() && stored.timestamp() + grace.toMillis() == entry.timestamp()) {
        replies.delete(entry.id());
      }
    }
  }

  private AgentReply decode(byte[] value) {
    try {
      return replyDeserializer.deserialize(replyTopic, value);
    } catch (AvroWireFormatException e) {
      if (e.reason() == AvroWireFormatException.Reason.REGISTRY_ERROR) {
        throw new RegistryUnavailableException("cannot decode a held reply: the schema registry failed", e);
      }
      throw new IllegalStateException("a reply that decoded on arrival no longer decodes: " + e.getMessage(), e);
    }
  }

  private void emitExample(String replyId, TrainingExample example, long timestamp) {
    context.forward(new Record<>(replyId, new Routed.Example(example), timestamp, new RecordHeaders()));
    counters.exampleWritten(example.getSource().name());
  }

  private void emitMetric(String version, MetricEvent event, long timestamp) {
    context.forward(new Record<>(version, new Routed.Metric(event), timestamp, new RecordHeaders()));
  }

  private void deadLetter(HeldRating held, String reason, String detail, long timestamp) {
    DeadLetter letter = new DeadLetter(reason, detail, null, held.topic(), held.partition(), held.offset(), service);
    log.warn("dead-lettering {}-{}@{} to {}: {} ({})", held.topic(), held.partition(), held.offset(), dlqTopic,
        reason, detail);
    counters.deadLettered(held.topic(), reason);
    context.forward(DeadLetters.record(letter, dlqTopic, held.key(), held.value(), held.originalHeaders(), timestamp,
        context.currentSystemTimeMs()));
  }
}
