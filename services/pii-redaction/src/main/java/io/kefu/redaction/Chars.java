package io.kefu.redaction;

/** Char classes shared by the hand-written scanners. */
final class Chars {
  private Chars() {}

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || isAsciiLetter(c);
  }

  /**
   * The most ASCII digits in one run of {@code s}, where a run is digits mixed with any of {@code separators};
   * recognizers use it to skip, cheaply, texts that cannot hold a long enough number.
   */
  static int longestDigitRun(String s, String separators) {
    int longest = 0;
    int current = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isAsciiDigit(c)) {
        current++;
        longest = Math.max(longest, current);
      } else if (separators.indexOf(c) < 0) {
        current = 0;
      }
    }
    return longest;
  }

  /** The text with every char that is not an ASCII digit removed. */
  static String digitsOf(String s) {
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (isAsciiDigit(s.charAt(i))) {
        digits.append(s.charAt(i));
      }
    }
    return digits.toString();
  }
}
