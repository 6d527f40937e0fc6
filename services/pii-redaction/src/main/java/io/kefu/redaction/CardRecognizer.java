package io.kefu.redaction;

import io.kefu.redaction.checksum.Luhn;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds payment card numbers: 13-19 digits, contiguous or in the printed group layouts with one consistent
 * space or dash, starting with a major network's issuer digit (2-series Mastercard/Mir, 3, 4, 5, 6), and
 * Luhn-valid.
 *
 * <p>Each layout is its own pattern so that, for a card followed by a short number ("4111 1111 1111 1111
 * 123"), a longer layout that fails the Luhn check does not hide the shorter one that passes.
 */
final class CardRecognizer implements Recognizer {
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  // Not glued to letters or digits, and not a dash-joined part of a longer number.
  private static final String BEFORE = "(?<![A-Za-z0-9])(?<![0-9]-)";
  private static final String AFTER = "(?![A-Za-z0-9])(?!-[0-9])";

  private static final List<String> LAYOUTS = List.of(
      "\\d{13,19}",
      "\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}", // 4-4-4-4
      "\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}\\1\\d{1,3}", // 4-4-4-4-x, 17-19 digits
      "\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,3}", // 4-4-4-x, 13-15 digits
      "\\d{4}([ -])\\d{6}\\1\\d{4,5}", // 4-6-4 Diners, 4-6-5 Amex
      "\\d{6}([ -])\\d{13}"); // 6-13, 19-digit UnionPay as some banks print it

  private final List<PatternRecognizer> layouts = LAYOUTS.stream()
      .map(layout -> new PatternRecognizer(PiiType.CARD, BEFORE + layout + AFTER, CardRecognizer::isCardNumber))
      .toList();

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (Chars.longestDigitRun(text, " -") < MIN_DIGITS) {
      return;
    }
    layouts.forEach(layout -> layout.findAll(text, sink));
  }

  private static boolean isCardNumber(String matched) {
    String digits = Chars.digitsOf(matched);
    return digits.length() >= MIN_DIGITS
        && digits.length() <= MAX_DIGITS
        && hasIssuerPrefix(digits)
        && Luhn.isValid(digits);
  }

  // Timestamps (2023...), tracking numbers (9400..., 1Z...) and most IDs start outside these ranges.
  private static boolean hasIssuerPrefix(String digits) {
    char first = digits.charAt(0);
    if (first >= '3' && first <= '6') {
      return true;
    }
    if (first == '2') {
      int prefix = Integer.parseInt(digits.substring(0, 4));
      return (prefix >= 2200 && prefix <= 2204) || (prefix >= 2221 && prefix <= 2720);
    }
    return false;
  }
}
