package io.kefu.loadbench;

import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.memory.RecentTurn;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ReplyGenerator} that passes every request to the real one and records in {@link GenerationTimes} when the
 * model was asked and when its reply was complete: the model time of each reply, queueing in the engine included.
 */
public final class TimedReplyGenerator implements ReplyGenerator {
  private final ReplyGenerator delegate;
  private final GenerationTimes times;

  /** Times {@code delegate}'s generations into {@code times}. */
  public TimedReplyGenerator(ReplyGenerator delegate, GenerationTimes times) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.times = Objects.requireNonNull(times, "times");
  }

  @Override
  public CompletableFuture<GeneratedReply> generate(String conversationId, List<RecentTurn> context, String message) {
    long start = System.nanoTime();
    return delegate.generate(conversationId, context, message).whenComplete((reply, error) -> {
      if (error == null) {
        times.put(conversationId, message, new GenerationTimes.Timing(start, System.nanoTime()));
      }
    });
  }

  /** Generates without a conversation to key the timing by, so this one is not timed. */
  @Override
  public CompletableFuture<GeneratedReply> generate(List<RecentTurn> context, String message) {
    return delegate.generate(context, message);
  }

  @Override
  public String modelVersion() {
    return delegate.modelVersion();
  }
}
