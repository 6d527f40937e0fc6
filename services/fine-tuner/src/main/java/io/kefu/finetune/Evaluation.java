package io.kefu.finetune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gate measured of one model on the fixed held-out set and on the run's held-out feedback.
 *
 * @param heldOutLoss mean reply-token cross entropy on the base corpus's held-out conversations
 * @param intentAddressedPercent replies (greedy) that address the customer's intent, in percent ({@code kefu eval})
 * @param endsProperlyPercent replies that end properly, in percent
 * @param preference the preference score on held-out rated replies
 * @param likedLoss mean reply-token cross entropy on the held-out 4-5 star and human replies of the run's feedback
 *     (NaN when there are none)
 */
public record Evaluation(double heldOutLoss, double intentAddressedPercent, double endsProperlyPercent,
    PreferenceScore preference, double likedLoss) {

  /** Perplexity, e to the held-out loss. */
  public double perplexity() {
    return Math.exp(heldOutLoss);
  }

  /** The figures as a map, each key prefixed by {@code prefix} (e.g. "" or "parent."). */
  public Map<String, Double> toMap(String prefix) {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put(prefix + "heldout.loss", heldOutLoss);
    map.put(prefix + "heldout.perplexity", perplexity());
    map.put(prefix + "intent.addressed.percent", intentAddressedPercent);
    map.put(prefix + "ends.properly.percent", endsProperlyPercent);
    if (!Double.isNaN(preference.score())) {
      map.put(prefix + "preference.score", preference.score());
    }
    map.put(prefix + "preference.pairs", (double) preference.pairs());
    if (!Double.isNaN(likedLoss)) {
      map.put(prefix + "liked.loss", likedLoss);
    }
    return map;
  }
}
