package io.kefu.corpus;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Writes a customer turn from a template, sometimes the way people type: all lower case, no final punctuation. */
final class CustomerNoise {

  /** Probability that an English message is typed all in lower case (slot values keep their case). */
  static final double LOWER_CASE = 0.10;
  /** Probability that the final punctuation is left off. */
  static final double NO_FINAL_PUNCTUATION = 0.15;

  private CustomerNoise() {}

  /** The filled template, possibly lower-cased and without its final punctuation; always draws two numbers. */
  static String write(Template template, Map<Slot, String> values, Lang lang, Random random) {
    boolean lower = random.nextDouble() < LOWER_CASE && lang == Lang.EN;
    boolean bare = random.nextDouble() < NO_FINAL_PUNCTUATION;
    Template typed = lower
        ? new Template(template.text().toLowerCase(Locale.ROOT), template.slots(), template.origin())
        : template;
    String text = typed.fill(values);
    if (bare) {
      String stripped = text.replaceAll("[.!?。！？]+$", "");
      text = stripped.isBlank() ? text : stripped;
    }
    return text;
  }
}
