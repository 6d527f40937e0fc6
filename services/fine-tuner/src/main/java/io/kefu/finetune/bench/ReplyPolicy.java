package io.kefu.finetune.bench;

import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.model.tokenizer.ChatTurn;
import java.util.List;
import java.util.Objects;

/**
 * How the benchmark's agent answers: decoding settings (each conversation samples with its own seed, so the same
 * conversation gets the same reply from the same model) and the confidence below which a reply is handed off.
 *
 * @param sampling decoding settings; their seed is mixed with each conversation's
 * @param handoffConfidence replies with confidence (exp of the mean token log-probability) below this are handed off
 */
record ReplyPolicy(SamplingSettings sampling, double handoffConfidence) {
  ReplyPolicy {
    Objects.requireNonNull(sampling, "sampling");
  }

  /** The request answering {@code message}, the first message of conversation {@code conversationId}. */
  GenerationRequest request(String conversationId, String message) {
    if (sampling.isGreedy()) {
      return new GenerationRequest(List.<ChatTurn>of(), message, sampling);
    }
    long seed = sampling.seed() * 31 + conversationId.hashCode();
    return new GenerationRequest(List.<ChatTurn>of(), message, SamplingSettings.sampled(sampling.maxNewTokens(),
        sampling.temperature(), sampling.topK(), sampling.topP(), seed));
  }

  /** Whether a reply of this confidence that did (or did not) end by itself goes to a person instead. */
  boolean handsOff(double confidence, boolean complete) {
    return !complete || confidence < handoffConfidence;
  }
}
