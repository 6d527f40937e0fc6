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
 */
public record GeneratedReply(String text, int tokens, double meanLogProb, boolean complete, String modelVersion) {
  public GeneratedReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelVersion, "modelVersion");
  }
}
