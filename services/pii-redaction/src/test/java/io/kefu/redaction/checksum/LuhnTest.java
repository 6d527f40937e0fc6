package io.kefu.redaction.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LuhnTest {

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
      "79927398713", "0000000000000000"})
  void publishedTestNumbersAreValid(String number) {
    // Given a number known to pass Luhn, When it is checked, Then it is valid
    assertThat(Luhn.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "5555555555554440", "79927398710", "1234567812345678"})
  void numbersWithAWrongCheckDigitAreInvalid(String number) {
    assertThat(Luhn.isValid(number)).isFalse();
  }

  @Test
  void checkDigitIsTheOneThatMakesThePayloadValid() {
    // Given the payloads of known numbers, When their check digits are computed, Then they are the known ones
    assertThat(Luhn.checkDigit("411111111111111")).isEqualTo(1);
    assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
    assertThat(Luhn.checkDigit("37828224631000")).isEqualTo(5);
  }

  @Test
  void swappingTwoAdjacentDigitsIsDetected() {
    // Given a valid number, When two adjacent different digits are swapped, Then the check fails
    assertThat(Luhn.isValid("4111111111111111")).isTrue();
    assertThat(Luhn.isValid("1411111111111111")).isFalse();
  }

  @Test
  void nonDigitInputIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> Luhn.isValid("4111-1111"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Luhn input must contain only ASCII digits, found a non-digit at index 4");
    assertThatThrownBy(() -> Luhn.isValid("4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Luhn input must have at least 2 digit(s), had 1");
  }
}
