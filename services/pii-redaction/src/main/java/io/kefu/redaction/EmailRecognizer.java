package io.kefu.redaction;

import java.util.function.Consumer;

/** Finds e-mail addresses: an ASCII local part, {@code @}, dot-separated host labels and an alphabetic TLD. */
final class EmailRecognizer implements Recognizer {
  private static final String EMAIL =
      "(?<![A-Za-z0-9._%+-])"
          + "[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}"
          + "@"
          + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
          + "[A-Za-z]{2,24}"
          + "(?![A-Za-z0-9-])";

  private final Recognizer pattern = new PatternRecognizer(PiiType.EMAIL, EMAIL);

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    if (text.indexOf('@') < 0) {
      return;
    }
    pattern.findAll(text, sink);
  }
}
