package io.kefu.finetune.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fine-tune cycle of the flywheel.
 *
 * @param cycle 1-based number
 * @param parentVersion the ACTIVE version the cycle started from
 * @param trafficMessages customer messages of the traffic phase
 * @param traffic the parent's live ratings in the traffic phase
 * @param version the candidate the run produced; null when the run had nothing to train on
 * @param gateStatus CANDIDATE or REJECTED (the gate's verdict), or SKIPPED
 * @param gateReason the gate's reason
 * @param trainingMetrics the run's training metrics (examples used, steps, losses)
 * @param evaluation the gate's figures of candidate and parent ({@code parent.} keys)
 * @param fineTuneSeconds wall time of the fine-tune run, from TRAIN_NOW to its outcome on model-versions (train,
 *     evaluate, store, publish); 0 when no run happened
 * @param canaryDecision PROMOTE, ROLL_BACK, or NONE when no canary ran
 * @param canaryReason why, with the test's figures
 * @param canaryRounds canary rounds run
 * @param canaryArm the candidate's live ratings during the canary
 * @param activeArm the parent's live ratings during the canary
 * @param heldOut the candidate's offline figures on the held-out pool; null when there was no candidate
 * @param activeAfter the ACTIVE version after the cycle
 * @param seconds how long the cycle took
 */
public record CycleResult(int cycle, String parentVersion, int trafficMessages, LiveFigures traffic, String version,
    String gateStatus, String gateReason, Map<String, Double> trainingMetrics, Map<String, Double> evaluation,
    double fineTuneSeconds, String canaryDecision, String canaryReason, int canaryRounds, LiveFigures canaryArm,
    LiveFigures activeArm, HeldOutFigures heldOut, String activeAfter, double seconds) {

  public CycleResult {
    trainingMetrics = Collections.unmodifiableMap(new TreeMap<>(trainingMetrics));
    evaluation = Collections.unmodifiableMap(new TreeMap<>(evaluation));
  }

  /** This cycle with the candidate's offline figures. */
  CycleResult withHeldOut(HeldOutFigures figures) {
    return new CycleResult(cycle, parentVersion, trafficMessages, traffic, version, gateStatus, gateReason,
        trainingMetrics, evaluation, fineTuneSeconds, canaryDecision, canaryReason, canaryRounds, canaryArm, activeArm,
        figures,
        activeAfter, seconds);
  }
}
