package io.kefu.reply.serving;

import io.kefu.lifecycle.canary.CanaryRouter;
import io.kefu.model.generate.EngineClosedException;
import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.memory.RecentTurn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link ReplyGenerator} that sends each conversation to the active version's generator or, for the share of
 * conversations {@link CanaryRouter} assigns to it (sticky by conversationId), to the canary's.
 *
 * <p>A request the canary's engine refuses because it is closing (it had not started generating) is sent to the
 * active version instead, so retiring a canary loses no reply; either way the reply is written whole by one
 * version and names it.
 */
public final class RoutingReplyGenerator implements ReplyGenerator {

  /** A canary: its version, its generator and the share of conversations it serves. */
  private record Canary(String version, ReplyGenerator generator, double share) {}

  private final ReplyGenerator active;
  private volatile Canary canary;

  /** A router sending every conversation to {@code active} until a canary is routed. */
  public RoutingReplyGenerator(ReplyGenerator active) {
    this.active = Objects.requireNonNull(active, "active");
  }

  /** Sends {@code share} (0..1) of conversations to {@code generator}, which serves {@code version}, from now on. */
  public void routeCanary(String version, ReplyGenerator generator, double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("canary share of " + version + " must be in [0, 1], was " + share);
    }
    canary = new Canary(Objects.requireNonNull(version, "version"), Objects.requireNonNull(generator, "generator"),
        share);
  }

  /** Sends every conversation to the active version from now on. */
  public void stopCanary() {
    canary = null;
  }

  /** The canary version conversations are routed to, if any. */
  public Optional<String> canaryVersion() {
    return Optional.ofNullable(canary).map(Canary::version);
  }

  /** The share of conversations the canary serves; 0 without one. */
  public double canaryShare() {
    Canary current = canary;
    return current == null ? 0.0 : current.share();
  }

  /** Whether {@code conversationId} is served by the canary now. */
  public boolean routesToCanary(String conversationId) {
    Canary current = canary;
    return current != null && CanaryRouter.routesToCanary(conversationId, current.share());
  }

  @Override
  public CompletableFuture<GeneratedReply> generate(String conversationId, List<RecentTurn> context, String message) {
    Canary current = canary;
    if (current == null || !CanaryRouter.routesToCanary(conversationId, current.share())) {
      return active.generate(context, message);
    }
    CompletableFuture<GeneratedReply> onCanary;
    try {
      onCanary = current.generator().generate(context, message);
    } catch (EngineClosedException e) {
      onCanary = CompletableFuture.failedFuture(e);
    }
    return onCanary.exceptionallyCompose(error -> unwrap(error) instanceof EngineClosedException
        ? active.generate(context, message)
        : CompletableFuture.failedFuture(error));
  }

  /** Generates with the active version (no conversation to route by). */
  @Override
  public CompletableFuture<GeneratedReply> generate(List<RecentTurn> context, String message) {
    return active.generate(context, message);
  }

  /** The active version, which serves every conversation the canary does not. */
  @Override
  public String modelVersion() {
    return active.modelVersion();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
