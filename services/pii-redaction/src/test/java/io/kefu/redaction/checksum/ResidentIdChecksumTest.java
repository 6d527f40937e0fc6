package io.kefu.redaction.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResidentIdChecksumTest {

  @Test
  void checkCharacterFollowsIso7064Mod112() {
    // Given the body 11010519491231002 (GB 11643-1999 example), When its check character is computed,
    // Then it is X: the weighted sum is 167, 167 mod 11 = 2, and position 2 of "10X98765432" is X
    assertThat(ResidentIdChecksum.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdChecksum.checkCharacter("44030519900101271")).isEqualTo('8');
  }

  @Test
  void validIdsPassWithUpperOrLowerCaseX() {
    assertThat(ResidentIdChecksum.isValid("11010519491231002X")).isTrue();
    assertThat(ResidentIdChecksum.isValid("11010519491231002x")).isTrue();
    assertThat(ResidentIdChecksum.isValid("440305199001012718")).isTrue();
  }

  @Test
  void aWrongCheckCharacterFails() {
    assertThat(ResidentIdChecksum.isValid("110105194912310021")).isFalse();
    assertThat(ResidentIdChecksum.isValid("440305199001012710")).isFalse();
  }

  @Test
  void wrongLengthsAreRejectedWithTheLengthFound() {
    assertThatThrownBy(() -> ResidentIdChecksum.isValid("1101051949123100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resident ID must have 18 characters, had 16");
    assertThatThrownBy(() -> ResidentIdChecksum.checkCharacter("1101051949123100X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resident ID body must contain only ASCII digits, found a non-digit at index 16");
  }
}
