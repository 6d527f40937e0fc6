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

  /** How many ASCII digits {@code s} holds; recognizers use it to skip texts too short of digits cheaply. */
  static int countDigits(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (isAsciiDigit(s.charAt(i))) {
        count++;
      }
    }
    return count;
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
