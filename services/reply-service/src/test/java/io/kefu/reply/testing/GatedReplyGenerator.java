package io.kefu.reply.testing;

import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.memory.RecentTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link ReplyGenerator} that passes every request to the real one and holds back the finished replies of the
 * conversations it gates until {@link #release()}: a generation as long as the test needs, ended by the test's own
 * decision rather than by timing.
 */
public final class GatedReplyGenerator implements ReplyGenerator {

  /** One request as the service made it. */
  public record Call(String conversationId, String message, List<RecentTurn> context) {}

  private final ReplyGenerator delegate;
  private final Predicate<String> gated;
  private volatile CompletableFuture<Void> gate = new CompletableFuture<>();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger gatedDone = new AtomicInteger();

  /** Gates the conversations {@code gated} accepts. */
  public GatedReplyGenerator(ReplyGenerator delegate, Predicate<String> gated) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.gated = Objects.requireNonNull(gated, "gated");
  }

  @Override
  public CompletableFuture<GeneratedReply> generate(String conversationId, List<RecentTurn> context, String message) {
    synchronized (calls) {
      calls.add(new Call(conversationId, message, List.copyOf(context)));
    }
    CompletableFuture<GeneratedReply> generated = delegate.generate(conversationId, context, message);
    if (!gated.test(conversationId)) {
      return generated;
    }
    CompletableFuture<GeneratedReply> held = generated.thenCombine(gate, (reply, released) -> reply);
    // Registered first, so it runs after the caller's own callbacks on this future have run.
    held.whenComplete((reply, error) -> gatedDone.incrementAndGet());
    return held;
  }

  @Override
  public CompletableFuture<GeneratedReply> generate(List<RecentTurn> context, String message) {
    return generate("", context, message);
  }

  @Override
  public String modelVersion() {
    return delegate.modelVersion();
  }

  /** Lets every held reply, and every later one, through. */
  public void release() {
    gate.complete(null);
  }

  /**
   * Fails every held generation with {@code failure}, as a crashed model call would, and lets every later one
   * through.
   */
  public void failHeld(RuntimeException failure) {
    CompletableFuture<Void> held = gate;
    gate = CompletableFuture.completedFuture(null);
    held.completeExceptionally(failure);
  }

  /** The requests made so far, in order. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The requests made so far for {@code conversationId}. */
  public List<Call> calls(String conversationId) {
    return calls().stream().filter(c -> c.conversationId().equals(conversationId)).toList();
  }

  /** Gated generations whose reply has been handed to the service (after the release). */
  public int gatedDone() {
    return gatedDone.get();
  }
}
