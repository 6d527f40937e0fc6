package io.kefu.redaction;

import java.util.function.Consumer;

/**
 * Finds dotted-quad IPv4 addresses whose four octets are each 0-255 (leading zeros allowed: 192.168.001.001).
 *
 * <p>A four-part dotted version string that is also a valid address (1.2.3.4) is redacted: it cannot be told
 * apart from an address. Letters may touch it (v1.2.3.4 becomes v&lt;IP&gt;); digits and further dotted
 * parts may not, so 999.1.1.1 and 1.2.3.4.5 are left alone.
 */
final class Ipv4Recognizer implements Recognizer {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|[01]?\\d?\\d)";
  private static final String IPV4 =
      "(?<![0-9])(?<![0-9]\\.)" + OCTET + "(?:\\." + OCTET + "){3}" + "(?![0-9])(?!\\.[0-9])";

  private static final int MIN_DIGITS = 4;

  private final Recognizer pattern = new PatternRecognizer(PiiType.IPV4, IPV4);

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (Chars.longestDigitRun(text, ".") < MIN_DIGITS) {
      return;
    }
    pattern.findAll(text, sink);
  }
}
