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
 */
public record PreferenceScore(double score, int pairs, boolean sameMessage) {

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
    for (Map.Entry<String, List<Integer>> entry : good.entrySet()) {
      for (int g : entry.getValue()) {
        for (int b : bad.getOrDefault(entry.getKey(), List.of())) {
          wins += compare(logp[g], logp[b]);
          pairs++;
        }
      }
    }
    if (pairs > 0) {
      return new PreferenceScore(wins / pairs, pairs, true);
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
    return new PreferenceScore(pairs == 0 ? Double.NaN : wins / pairs, pairs, false);
  }

  private static double compare(double good, double bad) {
    return good > bad ? 1.0 : good == bad ? 0.5 : 0.0;
  }
}
