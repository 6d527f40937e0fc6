package io.kefu.lifecycle.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.lifecycle.canary.CanaryDecision.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanaryPolicyTest {
  private final CanaryPolicy policy = new CanaryPolicy(50, 0.05, 0.0, Duration.ofHours(1));

  @Test
  void shouldPromoteACanaryRatedSignificantlyBetter() {
    // Given 60/100 satisfied on the canary against 45/100 on the active version (z = 2.12, p = 0.017)
    CanaryDecision decision = policy.decide(new ArmStats(100, 420, 60), new ArmStats(100, 350, 45),
        Duration.ofMinutes(5));
    // Then it is promoted with the figures in the reason
    assertThat(decision.verdict()).isEqualTo(Verdict.PROMOTE);
    assertThat(decision.reason()).isEqualTo("rated better: canary CSAT 0.600 mean 4.20 (n=100) vs active CSAT 0.450 "
        + "mean 3.50 (n=100), z=2.12, p(better) 0.017 < alpha 0.05");
  }

  @Test
  void shouldRollBackACanaryRatedSignificantlyWorse() {
    CanaryDecision decision = policy.decide(new ArmStats(80, 200, 30), new ArmStats(80, 280, 50),
        Duration.ofMinutes(5));
    assertThat(decision.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(decision.reason()).startsWith("rated worse: ").endsWith("p(worse) 0.00078 < alpha 0.05");
  }

  @Test
  void shouldWaitForTheMinimumSampleOnBothArms() {
    // Given a clearly better canary with only 49 ratings
    CanaryDecision decision = policy.decide(new ArmStats(49, 245, 49), new ArmStats(500, 1000, 0),
        Duration.ofMinutes(5));
    // Then no test is run yet
    assertThat(decision.verdict()).isEqualTo(Verdict.CONTINUE);
    assertThat(decision.test()).isNull();
    assertThat(decision.reason()).isEqualTo("waiting for ratings: canary has 49 ratings, active 500; each needs 50");
  }

  @Test
  void shouldKeepWaitingWithoutSignificanceAndRollBackAtTheTimeout() {
    // Given equal arms
    ArmStats same = new ArmStats(100, 400, 70);
    // Then before the timeout it waits, and at the timeout it rolls back
    assertThat(policy.decide(same, same, Duration.ofMinutes(59)).verdict()).isEqualTo(Verdict.CONTINUE);
    CanaryDecision late = policy.decide(same, same, Duration.ofHours(1));
    assertThat(late.verdict()).isEqualTo(Verdict.ROLL_BACK);
    assertThat(late.reason()).startsWith("timed out after PT1H without a significant gain: ");
    // And a canary that never got enough ratings is rolled back at the timeout too
    assertThat(policy.decide(ArmStats.empty(), same, Duration.ofHours(2)).reason())
        .isEqualTo("timed out after PT2H: canary has 0 ratings, active 100; each needs 50");
  }

  @Test
  void shouldNotPromoteWithoutTheMinimumMeanRatingUplift() {
    // Given a policy that asks for half a star more and a canary only 0.2 stars better in mean
    CanaryPolicy strict = new CanaryPolicy(50, 0.05, 0.5, Duration.ofHours(1));
    CanaryDecision decision = strict.decide(new ArmStats(100, 370, 60), new ArmStats(100, 350, 45),
        Duration.ofMinutes(1));
    // Then it keeps waiting
    assertThat(decision.verdict()).isEqualTo(Verdict.CONTINUE);
  }
}
