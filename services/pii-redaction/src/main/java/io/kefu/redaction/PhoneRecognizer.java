package io.kefu.redaction;

import java.util.List;
import java.util.function.Consumer;

/**
 * Finds phone numbers: mainland China mobiles (1[3-9]x, 11 digits, optional +86/0086/86 prefix, spaces or
 * dashes as 3-4-4), China landlines with an area code (010-62345678, (021) 6123 4567), North American
 * numbers written with separators or +1, and any +CC international number of 8-15 digits.
 *
 * <p>Bare 10-digit runs (5551234567) are not taken for US numbers: without separators or +1 they are as
 * likely to be order or product numbers.
 */
final class PhoneRecognizer implements Recognizer {
  private static final int MIN_DIGITS = 8;
  private static final String BEFORE = "(?<![A-Za-z0-9+])(?<![0-9]-)";
  private static final String AFTER = "(?![A-Za-z0-9])(?!-[0-9])";

  private static final String CN_MOBILE =
      BEFORE + "(?:(?:\\+86|0086|86)[ -]?|\\(\\+?86\\) ?)?1[3-9]\\d(?:[ -]?\\d{4}){2}" + AFTER;
  private static final String CN_LANDLINE =
      BEFORE + "(?:0[1-9]\\d{1,2}-|\\(0[1-9]\\d{1,2}\\) ?)[2-9]\\d{2,3}[ -]?\\d{4}" + AFTER;
  private static final String NANP_SEPARATED =
      BEFORE + "(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])\\d{3}[ .-]\\d{4}" + AFTER;
  private static final String NANP_COMPACT = BEFORE + "\\+1 ?[2-9]\\d{9}" + AFTER;

  private final List<Recognizer> formats = List.of(
      new PatternRecognizer(PiiType.PHONE, CN_MOBILE),
      new PatternRecognizer(PiiType.PHONE, CN_LANDLINE),
      new PatternRecognizer(PiiType.PHONE, NANP_SEPARATED),
      new PatternRecognizer(PiiType.PHONE, NANP_COMPACT),
      new InternationalPhoneRecognizer());

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (Chars.longestDigitRun(text, " -.()+") < MIN_DIGITS) {
      return;
    }
    formats.forEach(format -> format.findAll(text, sink));
  }
}
