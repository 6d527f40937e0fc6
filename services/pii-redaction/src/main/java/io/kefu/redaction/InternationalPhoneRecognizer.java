package io.kefu.redaction;

import java.util.function.Consumer;

/**
 * Finds international numbers written with a leading {@code +}: digit groups separated by single spaces,
 * dots or dashes, parentheses allowed around a group (+44 (0)20 7946 0958), 8 to 15 digits in all (E.164).
 *
 * <p>Scanned by hand rather than by one regular expression so that the longest prefix with a valid digit
 * count wins: "+44 20 7946 0958 2024" stops before 2024 instead of being rejected as 16 digits.
 */
final class InternationalPhoneRecognizer implements Recognizer {
  private static final int MIN_DIGITS = 8;
  private static final int MAX_DIGITS = 15;
  private static final int MAX_PARENTHESISED_DIGITS = 4;

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '+' && startsNumber(text, i)) {
        int end = endOfNumber(text, i + 1);
        if (end > 0) {
          sink.accept(new PiiSpan(PiiType.PHONE, i, end));
        }
      }
    }
  }

  private static boolean startsNumber(String text, int plus) {
    char before = plus == 0 ? ' ' : text.charAt(plus - 1);
    char first = text.charAt(plus + 1);
    return !Chars.isAsciiLetterOrDigit(before) && before != '+' && first >= '1' && first <= '9';
  }

  /** The end of the longest valid number whose groups start at {@code pos}, or -1. */
  private static int endOfNumber(String text, int pos) {
    int digits = 0;
    int bestEnd = -1;
    while (pos < text.length()) {
      int groupDigits;
      if (Chars.isAsciiDigit(text.charAt(pos))) {
        int groupEnd = pos;
        while (groupEnd < text.length() && Chars.isAsciiDigit(text.charAt(groupEnd))) {
          groupEnd++;
        }
        groupDigits = groupEnd - pos;
        pos = groupEnd;
      } else if (text.charAt(pos) == '(') {
        int close = pos + 1;
        while (close < text.length() && Chars.isAsciiDigit(text.charAt(close))) {
          close++;
        }
        groupDigits = close - pos - 1;
        if (close >= text.length() || text.charAt(close) != ')'
            || groupDigits == 0 || groupDigits > MAX_PARENTHESISED_DIGITS) {
          break;
        }
        pos = close + 1;
      } else {
        break;
      }
      digits += groupDigits;
      if (digits > MAX_DIGITS) {
        break;
      }
      if (digits >= MIN_DIGITS && (pos == text.length() || !Chars.isAsciiLetter(text.charAt(pos)))) {
        bestEnd = pos;
      }
      pos = nextGroupStart(text, pos);
      if (pos < 0) {
        break;
      }
    }
    return bestEnd;
  }

  /** Where the next group starts after one optional separator, or -1 if no group follows. */
  private static int nextGroupStart(String text, int pos) {
    if (pos < text.length() && isSeparator(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && (Chars.isAsciiDigit(text.charAt(pos)) || text.charAt(pos) == '(')) {
      return pos;
    }
    return -1;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.';
  }
}
