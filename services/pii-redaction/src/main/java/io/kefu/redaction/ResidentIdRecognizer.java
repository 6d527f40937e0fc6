package io.kefu.redaction;

import io.kefu.redaction.checksum.ResidentIdChecksum;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds 18-character mainland China resident ID numbers: a known province code, a birth date that exists
 * and lies between 1900-01-01 and today, and a correct ISO 7064 MOD 11-2 check character (digit or X).
 */
final class ResidentIdRecognizer implements Recognizer {
  private static final String RESIDENT_ID =
      "(?<![A-Za-z0-9])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
          + "(?![A-Za-z0-9])";
  private static final Set<String> PROVINCE_CODES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
      "71", "81", "82");
  private static final int MIN_DIGITS = 17;
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final Clock clock;
  private final Recognizer pattern;

  ResidentIdRecognizer(Clock clock) {
    this.clock = clock;
    this.pattern = new PatternRecognizer(PiiType.CN_RESIDENT_ID, RESIDENT_ID, this::isResidentId);
  }

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (Chars.longestDigitRun(text, "") < MIN_DIGITS) {
      return;
    }
    pattern.findAll(text, sink);
  }

  private boolean isResidentId(String id) {
    return PROVINCE_CODES.contains(id.substring(0, 2))
        && hasPlausibleBirthDate(id)
        && ResidentIdChecksum.isValid(id);
  }

  private boolean hasPlausibleBirthDate(String id) {
    LocalDate birth;
    try {
      birth = LocalDate.of(
          Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException notADate) {
      // e.g. 0230 or 0431: the pattern admits day 01-31 in any month; such a number is not an ID.
      return false;
    }
    return !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(LocalDate.now(clock));
  }
}
