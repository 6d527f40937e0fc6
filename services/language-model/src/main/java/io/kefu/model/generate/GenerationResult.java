package io.kefu.model.generate;

/**
 * A generated reply.
 *
 * @param text the reply text, without {@code <|end|>}
 * @param tokens the reply's token ids, without {@code <|end|>}
 * @param meanLogProb mean log-probability of every picked token, {@code <|end|>} included: the
 *     reply's confidence
 * @param stopReason why generation stopped
 * @param modelVersion the version of the model that generated every token of this reply
 * @param promptTokens tokens in the prompt
 * @param latencyNanos time from submission to completion
 */
public record GenerationResult(String text, int[] tokens, double meanLogProb, StopReason stopReason,
        String modelVersion, int promptTokens, long latencyNanos) {}
