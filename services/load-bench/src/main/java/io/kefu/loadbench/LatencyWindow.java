package io.kefu.loadbench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The latencies of the replies to the messages sent in one measured window: end to end, model time, the overhead
 * (end to end minus model time) and its two halves, and the reply service's own latency field.
 */
public final class LatencyWindow {
  private final LatencyHistogram endToEnd = new LatencyHistogram();
  private final LatencyHistogram model = new LatencyHistogram();
  private final LatencyHistogram overhead = new LatencyHistogram();
  private final LatencyHistogram beforeModel = new LatencyHistogram();
  private final LatencyHistogram afterModel = new LatencyHistogram();
  private final LatencyHistogram service = new LatencyHistogram();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong untimed = new AtomicLong();
  private final LatencyWindow alsoInto;

  /** A window of its own. */
  public LatencyWindow() {
    this(null);
  }

  /** A window whose every record also goes into {@code alsoInto} (a whole run's window), when not null. */
  public LatencyWindow(LatencyWindow alsoInto) {
    this.alsoInto = alsoInto;
  }

  void sent() {
    sent.incrementAndGet();
    if (alsoInto != null) {
      alsoInto.sent();
    }
  }

  /**
   * Records one reply.
   *
   * @param sendNanos when the customer message was handed to the producer
   * @param visibleNanos when a read_committed consumer polled the reply
   * @param timing when the model generated it; null when the model was not asked (a handoff before generation)
   * @param serviceMillis the reply's {@code latencyMs} (poll returned to reply produced, as the service records it)
   */
  void answered(long sendNanos, long visibleNanos, GenerationTimes.Timing timing, long serviceMillis) {
    long e2e = visibleNanos - sendNanos;
    long modelNanos = timing == null ? 0 : timing.nanos();
    endToEnd.record(e2e);
    model.record(modelNanos);
    overhead.record(e2e - modelNanos);
    service.record(serviceMillis * 1_000_000L);
    if (timing == null) {
      untimed.incrementAndGet();
    } else {
      beforeModel.record(timing.startNanos() - sendNanos);
      afterModel.record(visibleNanos - timing.endNanos());
    }
    answered.incrementAndGet();
    if (alsoInto != null) {
      alsoInto.answered(sendNanos, visibleNanos, timing, serviceMillis);
    }
  }

  /** Messages sent in this window. */
  public long sentCount() {
    return sent.get();
  }

  /** Replies seen to messages sent in this window. */
  public long answeredCount() {
    return answered.get();
  }

  /** The figures so far. */
  public LatencyFigures figures() {
    return new LatencyFigures(sent.get(), answered.get(), untimed.get(), Percentiles.of(endToEnd),
        Percentiles.of(model), Percentiles.of(overhead), Percentiles.of(beforeModel), Percentiles.of(afterModel),
        Percentiles.of(service));
  }
}
