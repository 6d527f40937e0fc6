package io.kefu.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void countsHoldEveryTypeWithZeroWhereNothingWasFound() {
    // Given counts for two types only
    Redaction redaction = new Redaction("x", Map.of(PiiType.EMAIL, 2, PiiType.IPV4, 1));

    // Then every type is present, the rest at zero, and the total adds them up
    assertThat(redaction.counts()).containsOnlyKeys(PiiType.values());
    assertThat(redaction.count(PiiType.EMAIL)).isEqualTo(2);
    assertThat(redaction.count(PiiType.IPV4)).isEqualTo(1);
    assertThat(redaction.count(PiiType.CARD)).isZero();
    assertThat(redaction.total()).isEqualTo(3);
  }

  @Test
  void countsCannotBeChangedAfterwards() {
    Redaction redaction = new Redaction("x", Map.of());
    assertThatThrownBy(() -> redaction.counts().put(PiiType.CARD, 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void negativeCountsAreRejected() {
    assertThatThrownBy(() -> new Redaction("x", Map.of(PiiType.PHONE, -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count of PHONE must be >= 0, was -1");
  }
}
