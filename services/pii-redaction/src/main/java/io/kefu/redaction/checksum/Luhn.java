package io.kefu.redaction.checksum;

/** The Luhn (mod 10) check used by payment card numbers. */
public final class Luhn {
  private Luhn() {}

  /** Whether {@code digits} (ASCII digits only, check digit last) passes the Luhn check. */
  public static boolean isValid(CharSequence digits) {
    requireDigits(digits, 2);
    return sum(digits, false) % 10 == 0;
  }

  /** The check digit to append to {@code payload} (ASCII digits only) so that the result is Luhn-valid. */
  public static int checkDigit(CharSequence payload) {
    requireDigits(payload, 1);
    // The appended digit takes the undoubled position, so the payload's last digit is doubled.
    return (10 - sum(payload, true) % 10) % 10;
  }

  private static int sum(CharSequence digits, boolean doubleLast) {
    int sum = 0;
    boolean doubled = doubleLast;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum;
  }

  private static void requireDigits(CharSequence s, int minLength) {
    if (s.length() < minLength) {
      throw new IllegalArgumentException(
          "Luhn input must have at least " + minLength + " digit(s), had " + s.length());
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        // The value itself is not echoed: it may be a card number.
        throw new IllegalArgumentException(
            "Luhn input must contain only ASCII digits, found a non-digit at index " + i);
      }
    }
  }
}
