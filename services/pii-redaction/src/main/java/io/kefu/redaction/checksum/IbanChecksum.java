package io.kefu.redaction.checksum;

/** The ISO 7064 MOD 97-10 check that every IBAN carries in its third and fourth characters. */
public final class IbanChecksum {
  private IbanChecksum() {}

  /**
   * Whether {@code iban} (compact: no spaces, upper-case letters and digits, country code first) has
   * correct check digits; it does not check the country's length.
   */
  public static boolean isValid(CharSequence iban) {
    requireCompact(iban, 5);
    CharSequence rearranged = new StringBuilder(iban.length())
        .append(iban, 4, iban.length())
        .append(iban, 0, 4);
    return mod97(rearranged) == 1;
  }

  /** The two check digits for {@code countryCode} (two upper-case letters) and {@code bban}. */
  public static String checkDigits(String countryCode, String bban) {
    if (countryCode.length() != 2
        || !Character.isUpperCase(countryCode.charAt(0))
        || !Character.isUpperCase(countryCode.charAt(1))) {
      throw new IllegalArgumentException(
          "IBAN country code must be two upper-case letters, was '" + countryCode + "'");
    }
    requireCompact(bban, 1);
    int check = 98 - mod97(bban + countryCode + "00");
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  private static int mod97(CharSequence s) {
    int remainder = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Letters count as two digits, A=10 .. Z=35.
      if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        remainder = (remainder * 10 + (c - '0')) % 97;
      }
    }
    return remainder;
  }

  private static void requireCompact(CharSequence s, int minLength) {
    if (s.length() < minLength) {
      throw new IllegalArgumentException(
          "IBAN input must have at least " + minLength + " character(s), had " + s.length());
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException(
            "IBAN input must contain only ASCII digits and upper-case letters,"
                + " found another character at index " + i);
      }
    }
  }
}
