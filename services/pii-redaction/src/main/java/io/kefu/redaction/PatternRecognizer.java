package io.kefu.redaction;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recognizer made of one regular expression and a validator of the matched text. */
final class PatternRecognizer implements Recognizer {
  private final PiiType type;
  private final Pattern pattern;
  private final Predicate<String> validator;

  PatternRecognizer(PiiType type, String regex, Predicate<String> validator) {
    this.type = type;
    this.pattern = Pattern.compile(regex);
    this.validator = validator;
  }

  PatternRecognizer(PiiType type, String regex) {
    this(type, regex, matched -> true);
  }

  @Override
  public void findAll(String text, Consumer<PiiSpan> sink) {
    Matcher matcher = pattern.matcher(text);
    int from = 0;
    // Restart one char after each match start rather than after its end, so that a match the validator
    // rejects does not hide a valid one that overlaps it.
    while (from < text.length() && matcher.find(from)) {
      if (validator.test(matcher.group())) {
        sink.accept(new PiiSpan(type, matcher.start(), matcher.end()));
      }
      from = matcher.start() + 1;
    }
  }
}
