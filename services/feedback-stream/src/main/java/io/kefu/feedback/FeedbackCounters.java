package io.kefu.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The feedback stream's own counters (dead letters, skipped records, ignored ratings, examples written), exposed with
 * Kafka Streams' metrics on {@code /metrics}; counts are operational figures, not exactly-once results.
 */
public final class FeedbackCounters {
  /** The key under which the Streams config carries this object to the exception handlers. */
  public static final String CONFIG_KEY = "kefu.feedback.counters";

  private final MeterRegistry registry;

  public FeedbackCounters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A record went to a dead-letter topic. */
  public void deadLettered(String sourceTopic, String reason) {
    counter("kefu.feedback.dead.letters", "source", sourceTopic, "reason", reason).increment();
  }

  /** A bad record was logged and skipped because its source topic has no dead-letter topic. */
  public void skipped(String sourceTopic, String reason) {
    counter("kefu.feedback.skipped.records", "source", sourceTopic, "reason", reason).increment();
  }

  /** A valid rating changed nothing: {@code duplicate} (same as accepted), {@code stale} or {@code superseded}. */
  public void ratingIgnored(String why) {
    counter("kefu.feedback.ratings.ignored", "why", why).increment();
  }

  /** A training example was written. */
  public void exampleWritten(String source) {
    counter("kefu.feedback.training.examples", "source", source).increment();
  }

  /** An exception handler let the application continue past a failed record. */
  public void handlerContinued(String handler) {
    counter("kefu.feedback.exception.handler.continued", "handler", handler).increment();
  }

  /** The current count of one of these counters (0 when it never counted), for tests and the health view. */
  public double count(String name, String... tags) {
    Counter found = registry.find(name).tags(tags).counter();
    return found == null ? 0 : found.count();
  }

  private Counter counter(String name, String... tags) {
    return Counter.builder(name).tags(tags).register(registry);
  }
}
