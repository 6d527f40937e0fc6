package io.kefu.loadbench;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Turn;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches every reply to the customer message it answers: when the message was sent, which window measures it, and
 * whether it was already answered (a duplicate) or was never sent by this run (unknown).
 *
 * <p>Memory stays bounded in a soak: only messages in flight are held; answered ones are a bit each.
 */
public final class ReplyLedger {
  private record Pending(long sendNanos, LatencyWindow window) {}

  private final String messageIdPrefix;
  private final GenerationTimes times;
  private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
  private final BitSet answered = new BitSet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();

  /**
   * @param runId the run id the feed's message ids start with ({@link MessageFeed})
   * @param times where the model's timings are taken from
   */
  public ReplyLedger(String runId, GenerationTimes times) {
    this.messageIdPrefix = runId + "-m";
    this.times = times;
  }

  /** Notes message number {@code n}, handed to the producer at {@code sendNanos}, measured by {@code window} (or null). */
  public void sent(long n, long sendNanos, LatencyWindow window) {
    pending.put(n, new Pending(sendNanos, window));
    sent.incrementAndGet();
    if (window != null) {
      window.sent();
    }
  }

  /** Notes {@code reply}, polled by a read_committed consumer at {@code visibleNanos}. */
  public void replied(AgentReply reply, long visibleNanos) {
    replies.incrementAndGet();
    long n = number(reply.getInReplyTo());
    if (n < 0) {
      unknown.incrementAndGet();
      return;
    }
    synchronized (answered) {
      if (answered.get((int) n)) {
        duplicates.incrementAndGet();
        return;
      }
      answered.set((int) n);
    }
    Pending p = pending.remove(n);
    if (p == null) {
      unknown.incrementAndGet();
      return;
    }
    GenerationTimes.Timing timing = times.take(reply.getConversationId(), customerText(reply)).orElse(null);
    if (p.window() != null) {
      p.window().answered(p.sendNanos(), visibleNanos, timing, reply.getLatencyMs());
    }
  }

  /** Messages sent and not yet answered. */
  public long inFlight() {
    return pending.size();
  }

  /** Messages sent so far. */
  public long sentCount() {
    return sent.get();
  }

  /** Replies seen so far, duplicates and unknown ones included. */
  public long replyCount() {
    return replies.get();
  }

  /** Messages answered exactly once or more (each counted once). */
  public long answeredCount() {
    synchronized (answered) {
      return answered.cardinality();
    }
  }

  /** Replies to a message that already had one. */
  public long duplicateCount() {
    return duplicates.get();
  }

  /** Replies to messages this run did not send. */
  public long unknownCount() {
    return unknown.get();
  }

  private long number(String messageId) {
    if (!messageId.startsWith(messageIdPrefix)) {
      return -1;
    }
    try {
      long n = Long.parseLong(messageId.substring(messageIdPrefix.length()));
      return n >= 0 && n < Integer.MAX_VALUE ? n : -1;
    } catch (NumberFormatException e) {
      return -1; // not one of this run's ids: counted as unknown by the caller
    }
  }

  private static String customerText(AgentReply reply) {
    List<Turn> context = reply.getContext();
    return context.isEmpty() ? "" : context.get(context.size() - 1).getText();
  }
}
