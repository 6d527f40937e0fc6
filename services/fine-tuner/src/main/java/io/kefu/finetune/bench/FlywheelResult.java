package io.kefu.finetune.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one flywheel benchmark: the setup, the base model's and every cycle's, and the outcome.
 *
 * @param modelName the model's name on model-versions
 * @param baseVersion the base model
 * @param setup what ran: cycles, traffic, canary, pool, preference, sampling, fine-tune settings
 * @param poolSize held-out pool conversations every version was rated on
 * @param poolExcluded pool candidates left out because their message was sent as traffic
 * @param base the base model's offline figures
 * @param baseIntentPercent the base model's held-out intent score (the gate's reply-quality check), in percent
 * @param cycles one entry per fine-tune cycle
 * @param finalVersion the ACTIVE version at the end (the last promoted one, or the base)
 * @param finalFigures its offline figures
 * @param finalIntentPercent its held-out intent score, in percent
 * @param uplift final minus base mean rating, in stars
 * @param intentChangePoints final minus base intent score, in percentage points
 * @param promoted how many candidates were promoted
 * @param everyPromotedBetterThanParent whether each promoted version's offline mean rating beat its parent's
 * @param seconds how long the benchmark took
 */
public record FlywheelResult(String modelName, String baseVersion, Map<String, String> setup, int poolSize,
    int poolExcluded, HeldOutFigures base, double baseIntentPercent, List<CycleResult> cycles, String finalVersion,
    HeldOutFigures finalFigures, double finalIntentPercent, double uplift, double intentChangePoints, int promoted,
    boolean everyPromotedBetterThanParent, double seconds) {

  public FlywheelResult {
    setup = Collections.unmodifiableMap(new LinkedHashMap<>(setup));
    cycles = List.copyOf(cycles);
  }
}
