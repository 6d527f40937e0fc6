package io.kefu.reply.generate;

import java.util.Objects;

/**
 * A reply the model wrote.
 *
 * @param text the reply text, special tokens removed
 * @param tokens number of generated tokens
 * @param meanLogProb mean log-probability of the generated tokens
 * @param complete true when the model ended the reply itself; false when a token or context limit cut it off
 * @param modelVersion the model version that wrote it
 * @param modelNanos model time of the reply: from submission to the engine (its queueing included) to completion;
 *     0 when the generator does not measure it
 */
public record GeneratedReply(String text, int tokens, double meanLogProb, boolean complete, String modelVersion,
    long modelNanos) {
  public GeneratedReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelVersion, "modelVersion");
    if (modelNanos < 0) {
      throw new IllegalArgumentException("modelNanos must be >= 0, was " + modelNanos);
    }
  }

  /** A reply whose model time was not measured. */
  public GeneratedReply(String text, int tokens, double meanLogProb, boolean complete, String modelVersion) {
    this(text, tokens, meanLogProb, complete, modelVersion, 0L);
  }
}
