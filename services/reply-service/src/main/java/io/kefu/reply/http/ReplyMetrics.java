package io.kefu.reply.http;

import io.kefu.contract.AgentReply;
import io.kefu.contract.HandoffRequest;
import io.kefu.reply.pipeline.MessageOutcome;
import io.kefu.reply.pipeline.PollOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reply service's own meters; everything is counted after its transaction commits, so the numbers describe
 * what downstream consumers see.
 *
 * <ul>
 *   <li>{@code kefu_reply_latency_seconds} (histogram, tag {@code outcome=reply|handoff}): receive to produce</li>
 *   <li>{@code kefu_reply_model_time_seconds} (histogram): model time of each reply the model was asked for, from
 *       submission to the engine (queueing included) to completion; latency minus model time is the pipeline's
 *       own overhead</li>
 *   <li>{@code kefu_reply_batch_messages} / {@code kefu_reply_batch_conversations}: messages and conversations
 *       per transaction</li>
 *   <li>{@code kefu_reply_tokens_total} and {@code kefu_reply_tokens_per_second} (last transaction)</li>
 *   <li>{@code kefu_reply_replies_total} (tag {@code author}), {@code kefu_reply_handoffs_total} (tag
 *       {@code reason}), {@code kefu_reply_dlq_total} (tag {@code reason}), {@code kefu_reply_duplicates_total}</li>
 *   <li>{@code kefu_reply_transactions_total} (tag {@code result=committed|aborted})</li>
 *   <li>{@code kefu_reply_model_version} (1, tag {@code version}): the version serving new generations</li>
 * </ul>
 */
public final class ReplyMetrics {
  private final MeterRegistry registry;
  private final Timer replyLatency;
  private final Timer handoffLatency;
  private final Timer modelTime;
  private final DistributionSummary batchMessages;
  private final DistributionSummary batchConversations;
  private final Counter tokens;
  private volatile double lastTokensPerSecond;
  private final Counter duplicates;
  private final Counter committed;
  private final Counter aborted;
  private final MultiGauge modelVersion;
  private final AtomicReference<String> shownVersion = new AtomicReference<>();

  public ReplyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.replyLatency = latency("reply");
    this.handoffLatency = latency("handoff");
    this.modelTime = Timer.builder("kefu.reply.model.time")
        .description("Model time of a committed reply: submission to the engine, queueing included, to completion")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
        .register(registry);
    this.batchMessages = DistributionSummary.builder("kefu.reply.batch.messages")
        .description("Customer messages answered per transaction").register(registry);
    this.batchConversations = DistributionSummary.builder("kefu.reply.batch.conversations")
        .description("Conversations answered per transaction").register(registry);
    this.tokens = Counter.builder("kefu.reply.tokens").description("Tokens generated for committed replies")
        .register(registry);
    Gauge.builder("kefu.reply.tokens.per.second", this, m -> m.lastTokensPerSecond)
        .description("Tokens per second of the replies in the last transaction").register(registry);
    this.duplicates = Counter.builder("kefu.reply.duplicates")
        .description("Resent messages skipped because their messageId was answered").register(registry);
    this.committed = transactions("committed");
    this.aborted = transactions("aborted");
    this.modelVersion = MultiGauge.builder("kefu.reply.model.version")
        .description("1 for the model version serving new generations").register(registry);
  }

  private Timer latency(String outcome) {
    return Timer.builder("kefu.reply.latency").tag("outcome", outcome)
        .description("From customer message received to reply produced")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
        .register(registry);
  }

  private Counter transactions(String result) {
    return Counter.builder("kefu.reply.transactions").tag("result", result)
        .description("Reply transactions by result").register(registry);
  }

  /** Records a committed transaction. */
  public void committed(PollOutcome outcome) {
    committed.increment();
    int answered = 0;
    for (MessageOutcome o : outcome.outcomes()) {
      if (o instanceof MessageOutcome.Answered a) {
        answered++;
        AgentReply reply = a.answer().reply();
        if (reply.getModelVersion() != null) {
          modelVersion(reply.getModelVersion());
        }
        if (a.answer().modelNanos() > 0) {
          modelTime.record(a.answer().modelNanos(), TimeUnit.NANOSECONDS);
        }
        Counter.builder("kefu.reply.replies").tag("author", reply.getAuthor().name())
            .description("Replies produced, by author").register(registry).increment();
        HandoffRequest handoff = a.answer().handoff();
        if (handoff != null) {
          Counter.builder("kefu.reply.handoffs").tag("reason", handoff.getReason().name())
              .description("Handoffs to a person, by reason").register(registry).increment();
          handoffLatency.record(Duration.ofMillis(reply.getLatencyMs()));
        } else {
          replyLatency.record(Duration.ofMillis(reply.getLatencyMs()));
        }
      } else if (o instanceof MessageOutcome.DeadLettered d) {
        Counter.builder("kefu.reply.dlq").tag("reason", d.deadLetter().reason())
            .description("Records dead-lettered, by reason").register(registry).increment();
      } else if (o instanceof MessageOutcome.Duplicate) {
        duplicates.increment();
      }
    }
    if (answered > 0) {
      batchMessages.record(answered);
      batchConversations.record(outcome.conversations());
    }
    if (outcome.tokens() > 0) {
      tokens.increment(outcome.tokens());
      lastTokensPerSecond = outcome.tokens() / Math.max(1e-9, outcome.generationNanos() / 1e9);
    }
  }

  /** Records an aborted transaction. */
  public void aborted() {
    aborted.increment();
  }

  /** Shows {@code version} as the serving model version. */
  public void modelVersion(String version) {
    if (!version.equals(shownVersion.getAndSet(version))) {
      modelVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }
  }
}
