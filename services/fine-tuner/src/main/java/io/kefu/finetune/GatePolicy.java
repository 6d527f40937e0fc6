package io.kefu.finetune;

import io.kefu.kafka.config.KefuConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation gate: a candidate is REJECTED when, against its parent on the same held-out set, its held-out loss
 * rose by more than {@code maxLossIncrease} (relative), its intent-addressed percentage fell by more than
 * {@code maxIntentDrop} points, or its preference score fell by more than {@code maxPreferenceDrop} (when both have
 * one).
 *
 * @param maxLossIncrease largest relative rise of held-out loss, e.g. 0.10
 * @param maxIntentDrop largest fall of intent-addressed percentage, in points
 * @param maxPreferenceDrop largest fall of the preference score
 */
public record GatePolicy(double maxLossIncrease, double maxIntentDrop, double maxPreferenceDrop) {

  /** The outcome: passed or not, and why. */
  public record Verdict(boolean passed, String reason) {}

  public GatePolicy {
    if (!(maxLossIncrease >= 0 && maxIntentDrop >= 0 && maxPreferenceDrop >= 0)) {
      throw new IllegalArgumentException("gate thresholds must be >= 0, were loss " + maxLossIncrease + ", intent "
          + maxIntentDrop + ", preference " + maxPreferenceDrop);
    }
  }

  /** The policy of the {@code finetune.gate.*} settings. */
  public static GatePolicy fromConfig(KefuConfig config) {
    return new GatePolicy(config.getDouble(FineTuneSettings.GATE_MAX_LOSS_INCREASE),
        config.getDouble(FineTuneSettings.GATE_MAX_INTENT_DROP),
        config.getDouble(FineTuneSettings.GATE_MAX_PREFERENCE_DROP));
  }

  /** Judges {@code candidate} against {@code parent}. */
  public Verdict judge(Evaluation candidate, Evaluation parent) {
    List<String> failures = new ArrayList<>();
    double lossLimit = parent.heldOutLoss() * (1 + maxLossIncrease);
    if (!(candidate.heldOutLoss() <= lossLimit)) {
      failures.add(String.format(Locale.ROOT, "held-out loss %.4f exceeds parent's %.4f by more than %.0f%%",
          candidate.heldOutLoss(), parent.heldOutLoss(), maxLossIncrease * 100));
    }
    if (candidate.intentAddressedPercent() < parent.intentAddressedPercent() - maxIntentDrop) {
      failures.add(String.format(Locale.ROOT, "intent addressed %.1f%% is more than %.1f points below parent's %.1f%%",
          candidate.intentAddressedPercent(), maxIntentDrop, parent.intentAddressedPercent()));
    }
    double cp = candidate.preference().score();
    double pp = parent.preference().score();
    if (!Double.isNaN(cp) && !Double.isNaN(pp) && cp < pp - maxPreferenceDrop) {
      failures.add(String.format(Locale.ROOT, "preference score %.3f is more than %.3f below parent's %.3f", cp,
          maxPreferenceDrop, pp));
    }
    if (failures.isEmpty()) {
      return new Verdict(true, String.format(Locale.ROOT,
          "passed the gate: held-out loss %.4f (parent %.4f), intent addressed %.1f%% (parent %.1f%%), preference %s "
              + "(parent %s)", candidate.heldOutLoss(), parent.heldOutLoss(), candidate.intentAddressedPercent(),
          parent.intentAddressedPercent(), score(cp), score(pp)));
    }
    return new Verdict(false, "rejected by the gate: " + String.join("; ", failures));
  }

  private static String score(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
