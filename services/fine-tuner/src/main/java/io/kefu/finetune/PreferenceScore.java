package io.kefu.finetune;

import io.kefu.contract.TrainingExample;
import io.kefu.model.LanguageModel;
import io.kefu.model.train.ReplyExample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a model gives a 4-5 star reply a higher likelihood (mean log-probability per reply token) than a 1-2
 * star reply to the same customer message: the share of such (good, bad) pairs it orders right, ties counting half.
 * When no message has both, every good reply is paired with every bad one (the AUC of the two groups).
 *
 * @param score share of pairs ordered right, in [0, 1]; NaN without pairs
 * @param pairs how many pairs were compared
 * @param sameMessage whether the pairs shared their customer message
 * @param good how many 4-5 star replies took part
 * @param bad how many 1-2 star replies took part
 */
public record PreferenceScore(double score, int pairs, boolean sameMessage, int good, int bad) {

  /** A score without pairs. */
  public static PreferenceScore none() {
    return new PreferenceScore(Double.NaN, 0, false, 0, 0);
  }

  /**
   * The standard error of the score as an AUC of {@code good} and {@code bad} replies (Hanley and McNeil, 1982); NaN
   * without pairs.
   */
  public double standardError() {
    if (pairs == 0 || good == 0 || bad == 0) {
      return Double.NaN;
    }
    double a = score;
    double q1 = a / (2 - a);
    double q2 = 2 * a * a / (1 + a);
    double variance = (a * (1 - a) + (good - 1) * (q1 - a * a) + (bad - 1) * (q2 - a * a)) / ((double) good * bad);
    return Math.sqrt(Math.max(0, variance));
  }

  /** Scores {@code model} on the rated model replies among {@code heldOut}. */
  public static PreferenceScore of(LanguageModel model, List<TrainingExample> heldOut) {
    List<TrainingExample> rated = heldOut.stream()
        .filter(e -> e.getRating() != null && (e.getRating() >= 4 || e.getRating() <= 2))
        .toList();
    List<ReplyExample> examples = rated.stream().map(e -> TrainingSetBuilder.toReplyExample(e, 1f)).toList();
    double[] logp = ReplyLikelihood.meanLogProb(model, examples);
    Map<String, List<Integer>> good = new LinkedHashMap<>();
    Map<String, List<Integer>> bad = new LinkedHashMap<>();
    for (int i = 0; i < rated.size(); i++) {
      if (Double.isNaN(logp[i])) {
        continue;
      }
      String message = rated.get(i).getCustomerMessage();
      (rated.get(i).getRating() >= 4 ? good : bad).computeIfAbsent(message, m -> new ArrayList<>()).add(i);
    }
    double wins = 0;
    int pairs = 0;
    int goodCount = 0;
    int badCount = 0;
    for (Map.Entry<String, List<Integer>> entry : good.entrySet()) {
      List<Integer> bads = bad.getOrDefault(entry.getKey(), List.of());
      if (!bads.isEmpty()) {
        goodCount += entry.getValue().size();
        badCount += bads.size();
      }
      for (int g : entry.getValue()) {
        for (int b : bads) {
          wins += compare(logp[g], logp[b]);
          pairs++;
        }
      }
    }
    if (pairs > 0) {
      return new PreferenceScore(wins / pairs, pairs, true, goodCount, badCount);
    }
    for (List<Integer> goods : good.values()) {
      for (int g : goods) {
        for (List<Integer> bads : bad.values()) {
          for (int b : bads) {
            wins += compare(logp[g], logp[b]);
            pairs++;
          }
        }
      }
    }
    int goods = good.values().stream().mapToInt(List::size).sum();
    int bads = bad.values().stream().mapToInt(List::size).sum();
    return new PreferenceScore(pairs == 0 ? Double.NaN : wins / pairs, pairs, false, goods, bads);
  }

  private static double compare(double good, double bad) {
    return good > bad ? 1.0 : good == bad ? 0.5 : 0.0;
  }
}
