package io.kefu.finetune;

import io.kefu.kafka.config.KefuConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation gate: a candidate is REJECTED when, against its parent on the same held-out data, any figure that
 * matters regressed beyond its setting: the intent-addressed or ends-properly percentage of greedy replies to the base
 * corpus's held-out conversations fell (against the parent, and the intent percentage also against the lineage's base
 * model), the preference score on held-out rated replies fell (by more than the setting
 * or twice its standard error, whichever is larger), the loss on the held-out
 * replies customers liked rose, or the loss on the base corpus's held-out replies rose beyond the forgetting guard.
 *
 * <p>The base corpus's replies are mostly terse, so a candidate that learned the style customers rate well assigns
 * them less probability even when it forgot nothing: that loss is a guard against forgetting (a wide bound), while
 * the loss on liked replies is the one that must not rise.
 *
 * @param maxLossIncrease largest relative rise of the base corpus's held-out loss, e.g. 0.5
 * @param maxLikedLossIncrease largest relative rise of the loss on held-out liked replies, e.g. 0.05
 * @param maxIntentDrop largest fall of the intent-addressed percentage, in points
 * @param maxEndingDrop largest fall of the ends-properly percentage, in points
 * @param maxPreferenceDrop largest fall of the preference score
 */
public record GatePolicy(double maxLossIncrease, double maxLikedLossIncrease, double maxIntentDrop,
    double maxEndingDrop, double maxPreferenceDrop) {

  /** The outcome: passed or not, and why. */
  public record Verdict(boolean passed, String reason) {}

  public GatePolicy {
    if (!(maxLossIncrease >= 0 && maxLikedLossIncrease >= 0 && maxIntentDrop >= 0 && maxEndingDrop >= 0
        && maxPreferenceDrop >= 0)) {
      throw new IllegalArgumentException("gate thresholds must be >= 0, were loss " + maxLossIncrease + ", liked loss "
          + maxLikedLossIncrease + ", intent " + maxIntentDrop + ", ending " + maxEndingDrop + ", preference "
          + maxPreferenceDrop);
    }
  }

  /** The policy of the {@code finetune.gate.*} settings. */
  public static GatePolicy fromConfig(KefuConfig config) {
    return new GatePolicy(config.getDouble(FineTuneSettings.GATE_MAX_LOSS_INCREASE),
        config.getDouble(FineTuneSettings.GATE_MAX_LIKED_LOSS_INCREASE),
        config.getDouble(FineTuneSettings.GATE_MAX_INTENT_DROP),
        config.getDouble(FineTuneSettings.GATE_MAX_ENDING_DROP),
        config.getDouble(FineTuneSettings.GATE_MAX_PREFERENCE_DROP));
  }

  /** Judges {@code candidate} against {@code parent}. */
  public Verdict judge(Evaluation candidate, Evaluation parent) {
    return judge(candidate, parent, null, null);
  }

  /**
   * Judges {@code candidate} against {@code parent}, and its intent score also against the lineage's base model
   * {@code baseVersion} ({@code base}; null when the parent is the base), so that small drops cannot add up over
   * cycles.
   */
  public Verdict judge(Evaluation candidate, Evaluation parent, String baseVersion, Evaluation base) {
    List<String> failures = new ArrayList<>();
    if (base != null && candidate.intentAddressedPercent() < base.intentAddressedPercent() - maxIntentDrop) {
      failures.add(String.format(Locale.ROOT, "intent addressed %.1f%% is more than %.1f points below the base model"
          + " %s's %.1f%%", candidate.intentAddressedPercent(), maxIntentDrop, baseVersion,
          base.intentAddressedPercent()));
    }
    if (candidate.intentAddressedPercent() < parent.intentAddressedPercent() - maxIntentDrop) {
      failures.add(String.format(Locale.ROOT, "intent addressed %.1f%% is more than %.1f points below parent's %.1f%%",
          candidate.intentAddressedPercent(), maxIntentDrop, parent.intentAddressedPercent()));
    }
    if (candidate.endsProperlyPercent() < parent.endsProperlyPercent() - maxEndingDrop) {
      failures.add(String.format(Locale.ROOT, "ends properly %.1f%% is more than %.1f points below parent's %.1f%%",
          candidate.endsProperlyPercent(), maxEndingDrop, parent.endsProperlyPercent()));
    }
    double cp = candidate.preference().score();
    double pp = parent.preference().score();
    double preferenceBound = preferenceBound(parent.preference());
    if (!Double.isNaN(cp) && !Double.isNaN(pp) && cp < pp - preferenceBound) {
      failures.add(String.format(Locale.ROOT, "preference score %.3f is more than %.3f below parent's %.3f", cp,
          preferenceBound, pp));
    }
    double cl = candidate.likedLoss();
    double pl = parent.likedLoss();
    if (!Double.isNaN(cl) && !Double.isNaN(pl) && !(cl <= pl * (1 + maxLikedLossIncrease))) {
      failures.add(String.format(Locale.ROOT, "liked-reply loss %.4f exceeds parent's %.4f by more than %.0f%%", cl,
          pl, maxLikedLossIncrease * 100));
    }
    if (!(candidate.heldOutLoss() <= parent.heldOutLoss() * (1 + maxLossIncrease))) {
      failures.add(String.format(Locale.ROOT, "held-out loss %.4f exceeds parent's %.4f by more than %.0f%%",
          candidate.heldOutLoss(), parent.heldOutLoss(), maxLossIncrease * 100));
    }
    if (failures.isEmpty()) {
      return new Verdict(true, String.format(Locale.ROOT,
          "passed the gate: intent addressed %.1f%% (parent %.1f%%), ends properly %.1f%% (parent %.1f%%), preference "
              + "%s (parent %s), liked-reply loss %s (parent %s), held-out loss %.4f (parent %.4f)",
          candidate.intentAddressedPercent(), parent.intentAddressedPercent(), candidate.endsProperlyPercent(),
          parent.endsProperlyPercent(), format(cp, "%.3f"), format(pp, "%.3f"), format(cl, "%.4f"),
          format(pl, "%.4f"), candidate.heldOutLoss(), parent.heldOutLoss()));
    }
    return new Verdict(false, "rejected by the gate: " + String.join("; ", failures));
  }

  /**
   * The largest preference drop accepted: {@code maxPreferenceDrop}, or twice the score's standard error when the
   * held-out feedback is too small to measure a drop that fine (a few dozen rated replies).
   */
  private double preferenceBound(PreferenceScore parent) {
    double error = parent.standardError();
    return Double.isNaN(error) ? maxPreferenceDrop : Math.max(maxPreferenceDrop, 2 * error);
  }

  private static String format(double value, String format) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
  }
}
