package io.kefu.lifecycle.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CanaryRouterTest {

  @Test
  void shouldMapAConversationToTheFirst53BitsOfItsSha256() {
    // Given ids whose SHA-256 was computed independently (Python hashlib)
    // Then their points in [0, 1) are exactly those bits over 2^53
    assertThat(CanaryRouter.unitHash("conversation-1")).isEqualTo(0.25464379060870523);
    assertThat(CanaryRouter.unitHash("会话-42")).isEqualTo(0.2774441045816569);
  }

  @Test
  void shouldKeepEachConversationOnOneArmAndServeTheShareOnAverage() {
    // Given 20,000 conversations and a 20% canary
    int canary = 0;
    for (int i = 0; i < 20_000; i++) {
      String id = "conv-" + i;
      boolean first = CanaryRouter.routesToCanary(id, 0.2);
      // Then asking again gives the same arm (sticky)
      assertThat(CanaryRouter.routesToCanary(id, 0.2)).isEqualTo(first);
      // And a conversation on the canary at 20% stays on it when the share grows
      if (first) {
        canary++;
        assertThat(CanaryRouter.routesToCanary(id, 0.5)).isTrue();
      }
    }
    // And about a fifth of them go to the canary (4 standard deviations is 0.0113)
    assertThat(canary / 20_000.0).isCloseTo(0.2, within(0.0113));
  }

  @Test
  void shouldSendNobodyAtShareZeroAndEverybodyAtShareOne() {
    assertThat(CanaryRouter.routesToCanary("conversation-1", 0.0)).isFalse();
    assertThat(CanaryRouter.routesToCanary("conversation-1", 1.0)).isTrue();
    assertThatThrownBy(() -> CanaryRouter.routesToCanary("conversation-1", 1.5))
        .hasMessage("canary share must be in [0, 1], was 1.5");
  }
}
