package io.kefu.redaction.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanChecksumTest {

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
      "NL91ABNA0417164300", "NO9386011117947", "MT84MALT011000012345MTLCAST001S"})
  void registryExamplesAreValid(String iban) {
    // Given an IBAN from the SWIFT registry examples, When it is checked, Then mod 97 gives 1
    assertThat(IbanChecksum.isValid(iban)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE90370400440532013000", "GB82WEST12345698765433", "NL91ABNA0417164301"})
  void changingAnyDigitBreaksTheCheck(String iban) {
    assertThat(IbanChecksum.isValid(iban)).isFalse();
  }

  @Test
  void checkDigitsAreComputedFromCountryAndBban() {
    // Given a country and BBAN, When check digits are computed, Then they are the registry's
    assertThat(IbanChecksum.checkDigits("DE", "370400440532013000")).isEqualTo("89");
    assertThat(IbanChecksum.checkDigits("GB", "WEST12345698765432")).isEqualTo("82");
    assertThat(IbanChecksum.checkDigits("NO", "86011117947")).isEqualTo("93");
  }

  @Test
  void singleDigitCheckDigitsKeepTheirLeadingZero() {
    // Given a BBAN whose check value is below 10, Then the two check digits start with 0
    String checkDigits = IbanChecksum.checkDigits("SA", "80000000608010167519");
    assertThat(checkDigits).isEqualTo("03");
    assertThat(IbanChecksum.isValid("SA" + checkDigits + "80000000608010167519")).isTrue();
  }

  @Test
  void spacesAndLowerCaseAreRejectedAsNotCompact() {
    assertThatThrownBy(() -> IbanChecksum.isValid("DE89 3704"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IBAN input must contain only ASCII digits and upper-case letters,"
            + " found another character at index 4");
    assertThatThrownBy(() -> IbanChecksum.checkDigits("de", "370400440532013000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IBAN country code must be two upper-case letters, was 'de'");
  }
}
