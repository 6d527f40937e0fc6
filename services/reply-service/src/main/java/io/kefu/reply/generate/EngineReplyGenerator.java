package io.kefu.reply.generate;

import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.model.generate.StopReason;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.contract.Role;
import io.kefu.reply.memory.RecentTurn;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ReplyGenerator} backed by Kefu's continuous-batching {@link GenerationEngine}; requests from many
 * conversations share decode steps, and the engine's own hot swap changes the model between two steps.
 */
public final class EngineReplyGenerator implements ReplyGenerator {
  private final GenerationEngine engine;
  private final SamplingSettings sampling;

  /** A generator submitting to {@code engine} with {@code sampling}; the engine stays owned by the caller. */
  public EngineReplyGenerator(GenerationEngine engine, SamplingSettings sampling) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.sampling = Objects.requireNonNull(sampling, "sampling");
  }

  @Override
  public CompletableFuture<GeneratedReply> generate(List<RecentTurn> context, String message) {
    List<ChatTurn> turns = context.stream()
        .map(t -> t.role() == Role.AGENT ? ChatTurn.agent(t.text()) : ChatTurn.customer(t.text()))
        .toList();
    SamplingSettings settings = sampling.isGreedy() ? sampling : reseeded(turns, message);
    return engine.submit(new GenerationRequest(turns, message, settings))
        .thenApply(r -> new GeneratedReply(r.text(), r.tokens().length, r.meanLogProb(),
            r.stopReason() == StopReason.END_TOKEN, r.modelVersion(), Math.max(0L, r.latencyNanos())));
  }

  /** A seed from the prompt, so a retried poll samples the same reply. */
  private SamplingSettings reseeded(List<ChatTurn> turns, String message) {
    long seed = 31L * Objects.hash(turns, message) + sampling.seed();
    return SamplingSettings.sampled(sampling.maxNewTokens(), sampling.temperature(), sampling.topK(),
        sampling.topP(), seed);
  }

  @Override
  public String modelVersion() {
    return engine.stats().currentVersion();
  }
}
