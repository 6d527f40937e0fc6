package io.kefu.reply.confidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the handoff threshold from judged replies on the held-out split.
 *
 * <p>Given each held-out reply's confidence and whether the judge accepted it, the threshold is the lowest
 * confidence {@code t} such that the replies with confidence {@code >= t} are accepted at least at the target
 * rate (precision): the model answers as much as it can while what it answers stays good enough, and everything
 * below {@code t} goes to a person. When no threshold reaches the target, the threshold is just above the highest
 * confidence seen (capped at 1), which hands every reply off.
 */
public final class ThresholdCalibrator {

  /** One judged held-out reply. */
  public record Judged(double confidence, boolean accepted) {}

  /**
   * What calibration found.
   *
   * @param threshold the chosen {@code reply.handoff.confidence}
   * @param precision acceptance rate of the replies at or above it (NaN when none are)
   * @param coverage share of replies at or above it, i.e. answered by the model
   * @param samples number of judged replies
   */
  public record Calibration(double threshold, double precision, double coverage, int samples) {}

  private final double targetPrecision;

  public ThresholdCalibrator(double targetPrecision) {
    if (!(targetPrecision > 0.0 && targetPrecision <= 1.0)) {
      throw new IllegalArgumentException("target precision must be in (0, 1], was " + targetPrecision);
    }
    this.targetPrecision = targetPrecision;
  }

  /** Calibrates on {@code judged}, which must not be empty. */
  public Calibration calibrate(List<Judged> judged) {
    if (judged.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one judged reply, got none");
    }
    List<Judged> byConfidenceDescending = new ArrayList<>(judged);
    byConfidenceDescending.sort(Comparator.comparingDouble(Judged::confidence).reversed());
    int n = byConfidenceDescending.size();
    double best = Math.nextUp(byConfidenceDescending.get(0).confidence());
    int bestCount = 0;
    int bestAccepted = 0;
    int count = 0;
    int accepted = 0;
    for (int i = 0; i < n; i++) {
      Judged j = byConfidenceDescending.get(i);
      count++;
      accepted += j.accepted() ? 1 : 0;
      boolean lastOfTie = i == n - 1 || byConfidenceDescending.get(i + 1).confidence() < j.confidence();
      if (lastOfTie && (double) accepted / count >= targetPrecision - 1e-12) {
        best = j.confidence();
        bestCount = count;
        bestAccepted = accepted;
      }
    }
    double precision = bestCount == 0 ? Double.NaN : (double) bestAccepted / bestCount;
    return new Calibration(Math.min(best, 1.0), precision, (double) bestCount / n, n);
  }
}
