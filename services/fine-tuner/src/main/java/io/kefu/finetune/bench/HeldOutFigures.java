package io.kefu.finetune.bench;

import java.util.List;

/**
 * How the hidden preference rated one version's replies to the fixed held-out pool (offline: every reply rated, the
 * same noise draws for every version).
 *
 * @param version the model version
 * @param conversations pool conversations answered
 * @param meanRating mean stars
 * @param csat share of 4-5 star ratings
 * @param byStars ratings of 1, 2, 3, 4 and 5 stars
 * @param rightIntentPercent replies on the customer's intent, in percent
 * @param namesOrderPercent replies naming the order number, in percent of customers who gave one
 * @param nextStepPercent replies with a concrete next step, in percent
 */
public record HeldOutFigures(String version, int conversations, double meanRating, double csat, List<Long> byStars,
    double rightIntentPercent, double namesOrderPercent, double nextStepPercent) {
  public HeldOutFigures {
    byStars = List.copyOf(byStars);
  }
}
