package io.kefu.redaction;

import java.util.function.Consumer;

/**
 * Finds international numbers written with a leading {@code +} or {@code 00}: digit groups separated by single
 * spaces, dots or dashes, parentheses allowed around a group (+44 (0)20 7946 0958), 8 to 15 digits in all
 * (E.164) after the prefix. After {@code 00} the country code must stand as its own group (0044 20 7946 0958)
 * and the {@code 00} must not follow another digit group, so that zero-padded reference numbers (0012345678)
 * and the groups of an IBAN (3704 0044 0532) are not taken for phones.
 *
 * <p>Scanned by hand rather than by one regular expression so that the longest prefix with a valid digit
 * count wins: "+44 20 7946 0958 2024" stops before 2024 instead of being rejected as 16 digits.
 */
final class InternationalPhoneRecognizer implements Recognizer {
  private static final int MIN_DIGITS = 8;
  private static final int MAX_DIGITS = 15;
  private static final int MAX_PARENTHESISED_DIGITS = 4;
  private static final int MAX_COUNTRY_CODE_DIGITS = 3;

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    for (int i = 0; i + 1 < text.length(); i++) {
      int afterPrefix = afterPrefix(text, i);
      if (afterPrefix > 0) {
        int end = endOfNumber(text, afterPrefix);
        if (end > 0) {
          sink.accept(new PiiSpan(PiiType.PHONE, i, end));
        }
      }
    }
  }

  /** Where the country code starts if an international prefix starts at {@code i}, or -1. */
  private static int afterPrefix(String text, int i) {
    char before = i == 0 ? ' ' : text.charAt(i - 1);
    if (Chars.isAsciiLetterOrDigit(before) || before == '+') {
      return -1;
    }
    if (text.charAt(i) == '+') {
      return isCountryCodeStart(text, i + 1) ? i + 1 : -1;
    }
    // A 00 group right after another digit group is part of a grouped number (an IBAN), not a prefix.
    boolean afterDigitGroup = i >= 2 && Chars.isAsciiDigit(text.charAt(i - 2)) && isSeparator(before);
    if (text.startsWith("00", i) && !afterDigitGroup && isCountryCodeStart(text, i + 2)) {
      int codeEnd = i + 2;
      while (codeEnd < text.length() && Chars.isAsciiDigit(text.charAt(codeEnd))) {
        codeEnd++;
      }
      boolean separateGroup = codeEnd - (i + 2) <= MAX_COUNTRY_CODE_DIGITS
          && codeEnd < text.length() && isSeparator(text.charAt(codeEnd));
      return separateGroup ? i + 2 : -1;
    }
    return -1;
  }

  private static boolean isCountryCodeStart(String text, int pos) {
    return pos < text.length() && text.charAt(pos) >= '1' && text.charAt(pos) <= '9';
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
