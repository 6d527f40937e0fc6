package io.kefu.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The gate's rules on hand-made figures. */
class GatePolicyTest {
  private static final GatePolicy POLICY = new GatePolicy(0.50, 0.05, 2.0, 5.0, 0.05);
  private static final Evaluation PARENT = evaluation(0.60, 80.0, 90.0, 0.70, 1.00);

  private static Evaluation evaluation(double loss, double intent, double endings, double preference, double liked) {
    return new Evaluation(loss, intent, endings, new PreferenceScore(preference, 160_000, false, 400, 400), liked);
  }

  @Test
  void shouldPassACandidateWhoseStyleShiftRaisedTheBaseCorpusLossWithinTheForgettingGuard() {
    // Given a candidate that fits the liked replies better and keeps intent, endings and preference,
    // while its loss on the (mostly terse) base corpus replies rose by 30 %
    Evaluation candidate = evaluation(0.78, 79.0, 88.0, 0.80, 0.70);

    // When the gate judges it
    GatePolicy.Verdict verdict = POLICY.judge(candidate, PARENT);

    // Then it passes, and the reason gives every figure with the parent's
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.reason()).isEqualTo("passed the gate: intent addressed 79.0% (parent 80.0%), ends properly "
        + "88.0% (parent 90.0%), preference 0.800 (parent 0.700), liked-reply loss 0.7000 (parent 1.0000), held-out "
        + "loss 0.7800 (parent 0.6000)");
  }

  @Test
  void shouldRejectACandidateNamingEveryRegressedFigure() {
    // Given a candidate worse on every figure
    Evaluation candidate = evaluation(0.95, 77.5, 84.0, 0.60, 1.10);

    // When the gate judges it
    GatePolicy.Verdict verdict = POLICY.judge(candidate, PARENT);

    // Then it is rejected with one clause per failed rule
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reason()).isEqualTo("rejected by the gate: intent addressed 77.5% is more than 2.0 points "
        + "below parent's 80.0%; ends properly 84.0% is more than 5.0 points below parent's 90.0%; preference score "
        + "0.600 is more than 0.050 below parent's 0.700; liked-reply loss 1.1000 exceeds parent's 1.0000 by more "
        + "than 5%; held-out loss 0.9500 exceeds parent's 0.6000 by more than 50%");
  }

  @Test
  void shouldRejectACandidateWhoseIntentDriftedFromTheLineagesBaseModelInSmallSteps() {
    // Given a parent already 1.5 points below the base model, and a candidate 1.5 points below the parent
    Evaluation base = evaluation(0.60, 81.5, 90.0, 0.70, 1.00);
    Evaluation candidate = evaluation(0.60, 78.5, 90.0, 0.70, 1.00);

    // When the gate judges the candidate against its parent and the base model
    GatePolicy.Verdict verdict = POLICY.judge(candidate, PARENT, "base-1", base);

    // Then the drop from the parent is allowed but the drop from the base is not
    assertThat(verdict.reason()).isEqualTo("rejected by the gate: intent addressed 78.5% is more than 2.0 points "
        + "below the base model base-1's 81.5%");
  }

  @Test
  void shouldSkipTheFeedbackRulesWhenTheRunHeldOutNoRatedReplies() {
    // Given a parent and a candidate without preference score or liked-reply loss (no held-out feedback)
    Evaluation parent = new Evaluation(0.60, 80.0, 90.0, PreferenceScore.none(), Double.NaN);
    Evaluation candidate = new Evaluation(0.61, 80.0, 90.0, PreferenceScore.none(), Double.NaN);

    // When the gate judges it, then it passes on the other rules
    assertThat(POLICY.judge(candidate, parent).passed()).isTrue();
  }

  @Test
  void shouldWidenThePreferenceBoundToTwoStandardErrorsWhenFewRatedRepliesWereHeldOut() {
    // Given a parent whose preference score 0.70 comes from 10 good and 40 bad replies (standard error 0.100)
    Evaluation parent = new Evaluation(0.60, 80.0, 90.0, new PreferenceScore(0.70, 400, false, 10, 40), 1.00);
    Evaluation slightlyWorse = new Evaluation(0.60, 80.0, 90.0, new PreferenceScore(0.60, 400, false, 10, 40), 1.00);
    Evaluation muchWorse = new Evaluation(0.60, 80.0, 90.0, new PreferenceScore(0.45, 400, false, 10, 40), 1.00);

    // When the gate judges a candidate 0.10 and one 0.25 below it
    // Then only the drop beyond two standard errors is rejected
    assertThat(parent.preference().standardError()).isCloseTo(0.1003, org.assertj.core.data.Offset.offset(2e-4));
    assertThat(POLICY.judge(slightlyWorse, parent).passed()).isTrue();
    assertThat(POLICY.judge(muchWorse, parent).reason())
        .isEqualTo("rejected by the gate: preference score 0.450 is more than 0.200 below parent's 0.700");
  }

  @Test
  void shouldRefuseANegativeThreshold() {
    assertThatThrownBy(() -> new GatePolicy(0.5, -0.1, 2.0, 5.0, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gate thresholds must be >= 0, were loss 0.5, liked loss -0.1, intent 2.0, ending 5.0, preference "
            + "0.05");
  }
}
