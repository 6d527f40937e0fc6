package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  @Test
  void shouldParseLevelNamesIgnoringCaseAndBlanks() {
    assertThat(CompatibilityLevel.parse("BACKWARD")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(CompatibilityLevel.parse(" full_transitive ")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("None")).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void shouldRefuseAnUnknownLevelNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compatibility level must be one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
            + " FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, was 'SIDEWAYS'");
    assertThatThrownBy(() -> CompatibilityLevel.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(", was null");
  }

  @Test
  void shouldDescribeWhatEachLevelChecks() {
    assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.checksBackward()).isTrue();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.checksForward()).isTrue();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.isTransitive()).isTrue();
    assertThat(CompatibilityLevel.FORWARD.checksBackward()).isFalse();
    assertThat(CompatibilityLevel.FORWARD.isTransitive()).isFalse();
    assertThat(CompatibilityLevel.NONE.checksBackward() || CompatibilityLevel.NONE.checksForward()).isFalse();
  }
}
