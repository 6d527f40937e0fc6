package io.kefu.reply.confidence;

import io.kefu.reply.generate.GeneratedReply;

/**
 * Maps a reply's mean token log-probability to a confidence in 0..1.
 *
 * <p>Confidence is {@code exp(mean log p)}: the geometric mean of the probabilities the model gave the tokens it
 * chose, which is also {@code 1 / perplexity} of the reply under the model. It is 1 when every token was certain,
 * falls towards 0 as the model hesitates, is monotone in the mean log-probability (so a threshold on one is a
 * threshold on the other), and does not grow or shrink with reply length the way a total log-probability does. A
 * reply with no tokens, or a mean that is not a number, has confidence 0 (nothing the model said can be trusted);
 * so does a reply that is blank, was cut off by a length limit, or holds U+FFFD (a byte sequence the model never
 * finished, which the customer would see as garbage), because it cannot be given to a customer. The
 * handoff threshold on this scale is chosen on the held-out split by {@link ThresholdCalibrator}.
 */
public final class ConfidenceMapping {

  private ConfidenceMapping() {}

  /** {@code exp(meanLogProb)} clamped to 0..1; 0 for NaN or when there were no tokens. */
  public static double confidence(double meanLogProb, int tokens) {
    if (tokens <= 0 || Double.isNaN(meanLogProb)) {
      return 0.0;
    }
    if (meanLogProb >= 0.0) {
      return 1.0;
    }
    return Math.exp(meanLogProb);
  }

  /** The confidence of a generated reply: 0 when it is blank, incomplete or garbled, otherwise from its tokens. */
  public static double of(GeneratedReply reply) {
    if (!reply.complete() || reply.text().isBlank() || reply.text().indexOf('\uFFFD') >= 0) {
      return 0.0;
    }
    return confidence(reply.meanLogProb(), reply.tokens());
  }

  /** The mean log-probability that maps to {@code confidence}; the inverse of {@link #confidence} on (0, 1]. */
  public static double meanLogProbOf(double confidence) {
    if (!(confidence > 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
    }
    return Math.log(confidence);
  }
}
