package io.kefu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.ModelStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LifecycleTransitionsTest {
  private static final ModelVersionKey KEY = new ModelVersionKey("kefu", "v2");

  @Test
  void shouldAllowExactlyTheDocumentedSteps() {
    // Given every pair of statuses, When each is checked, Then exactly the documented steps are allowed
    assertThat(LifecycleTransitions.allowedFrom(null))
        .containsExactlyInAnyOrder(ModelStatus.CANDIDATE, ModelStatus.REJECTED, ModelStatus.ACTIVE);
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.CANDIDATE))
        .containsExactlyInAnyOrder(ModelStatus.CANARY, ModelStatus.REJECTED);
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.CANARY))
        .containsExactlyInAnyOrder(ModelStatus.ACTIVE, ModelStatus.ROLLED_BACK);
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.ACTIVE))
        .containsExactlyInAnyOrder(ModelStatus.RETIRED, ModelStatus.ROLLED_BACK);
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.RETIRED)).containsExactly(ModelStatus.ACTIVE);
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.REJECTED)).isEmpty();
    assertThat(LifecycleTransitions.allowedFrom(ModelStatus.ROLLED_BACK)).isEmpty();
    for (ModelStatus from : ModelStatus.values()) {
      assertThat(LifecycleTransitions.isAllowed(from, ModelStatus.UNKNOWN)).isFalse();
      for (ModelStatus to : EnumSet.complementOf(EnumSet.of(ModelStatus.UNKNOWN))) {
        assertThat(LifecycleTransitions.isAllowed(from, to))
            .as(from + " -> " + to)
            .isEqualTo(LifecycleTransitions.allowedFrom(from).contains(to));
      }
    }
  }

  @Test
  void shouldRefuseACandidateJumpingStraightToActiveNamingTheAllowedSteps() {
    // When a CANDIDATE is asked to become ACTIVE without a canary
    // Then the step is refused with the version, both statuses and the allowed steps
    assertThatThrownBy(() -> LifecycleTransitions.check(KEY, ModelStatus.CANDIDATE, ModelStatus.ACTIVE))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.key()).isEqualTo(KEY);
          assertThat(e.from()).isEqualTo(ModelStatus.CANDIDATE);
          assertThat(e.to()).isEqualTo(ModelStatus.ACTIVE);
        })
        .hasMessage("model version kefu:v2 cannot go from CANDIDATE to ACTIVE; allowed from CANDIDATE: "
            + "[CANARY, REJECTED]");
  }

  @Test
  void shouldRefuseAnyStepOutOfAFinalStatus() {
    // When a rolled-back version is asked to become a canary again, Then the message says the status is final
    assertThatThrownBy(() -> LifecycleTransitions.check(KEY, ModelStatus.ROLLED_BACK, ModelStatus.CANARY))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model version kefu:v2 cannot go from ROLLED_BACK to CANARY; allowed from ROLLED_BACK: "
            + "nothing (ROLLED_BACK is final)");
  }

  @Test
  void shouldRefuseRegisteringANewVersionAsACanary() {
    assertThatThrownBy(() -> LifecycleTransitions.check(KEY, null, ModelStatus.CANARY))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model version kefu:v2 cannot go from unregistered to CANARY; allowed from unregistered: "
            + "[CANDIDATE, ACTIVE, REJECTED]");
  }
}
