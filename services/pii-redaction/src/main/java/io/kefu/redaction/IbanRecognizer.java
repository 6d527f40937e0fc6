package io.kefu.redaction;

import io.kefu.redaction.checksum.IbanChecksum;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds IBANs: a country code with its registered IBAN length, two check digits and the BBAN, compact or
 * with single spaces (usually every four characters), in either letter case, validated by ISO 7064 MOD 97-10.
 */
final class IbanRecognizer implements Recognizer {
  /** IBAN length per country, from the SWIFT IBAN registry. */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
      Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
      Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21),
      Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
      Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27),
      Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18),
      Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
      Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
      Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
      Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24),
      Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31),
      Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24),
      Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
      Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
      Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
      Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24),
      Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24),
      Map.entry("XK", 20));

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    for (int start = 0; start + 4 <= text.length(); start++) {
      if (startsIban(text, start)) {
        int end = endOfIban(text, start, LENGTHS.get(countryCode(text, start)));
        if (end > 0) {
          sink.accept(new PiiSpan(PiiType.IBAN, start, end));
        }
      }
    }
  }

  private static boolean startsIban(String text, int start) {
    return (start == 0 || !Chars.isAsciiLetterOrDigit(text.charAt(start - 1)))
        && LENGTHS.containsKey(countryCode(text, start))
        && Chars.isAsciiDigit(text.charAt(start + 2))
        && Chars.isAsciiDigit(text.charAt(start + 3));
  }

  private static String countryCode(String text, int start) {
    return text.substring(start, start + 2).toUpperCase(Locale.ROOT);
  }

  /** The end of a valid IBAN of {@code length} characters starting at {@code start}, or -1. */
  private static int endOfIban(String text, int start, int length) {
    StringBuilder compact = new StringBuilder(length);
    int pos = start;
    while (compact.length() < length && pos < text.length()) {
      char c = text.charAt(pos);
      if (Chars.isAsciiLetterOrDigit(c)) {
        compact.append(Character.toUpperCase(c));
        pos++;
      } else if (c == ' ' && pos + 1 < text.length() && Chars.isAsciiLetterOrDigit(text.charAt(pos + 1))) {
        pos++;
      } else {
        break;
      }
    }
    boolean complete = compact.length() == length
        && (pos == text.length() || !Chars.isAsciiLetterOrDigit(text.charAt(pos)));
    return complete && IbanChecksum.isValid(compact) ? pos : -1;
  }
}
