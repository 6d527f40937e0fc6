package io.kefu.finetune;

import io.kefu.contract.TrainingExample;
import io.kefu.model.train.ReplyExample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples of one run.
 *
 * @param train what the model trains on: new examples (weighted) and the replay sample, shuffled by the trainer
 * @param heldOut new examples kept out of training for the gate's preference score
 * @param positives new examples with positive weight (4-5 star and human replies)
 * @param negatives new examples with negative weight kept for unlikelihood
 * @param excluded new examples left out (weight 0, negatives in exclude mode, human replies to a request for a person)
 * @param human new examples written by human operators
 * @param replay base-corpus examples replayed
 */
public record TrainingSet(List<ReplyExample> train, List<TrainingExample> heldOut, int positives, int negatives,
    int excluded, int human, int replay) {

  public TrainingSet {
    train = List.copyOf(train);
    heldOut = List.copyOf(heldOut);
  }

  /** The counts, as training metrics of the model-versions record. */
  public Map<String, Double> counts() {
    Map<String, Double> counts = new LinkedHashMap<>();
    counts.put("examples.new", (double) (positives + negatives + excluded + heldOut.size()));
    counts.put("examples", (double) (positives + negatives));
    counts.put("examples.positive", (double) positives);
    counts.put("examples.negative", (double) negatives);
    counts.put("examples.excluded", (double) excluded);
    counts.put("examples.human", (double) human);
    counts.put("examples.heldout", (double) heldOut.size());
    counts.put("examples.replay", (double) replay);
    return counts;
  }
}
