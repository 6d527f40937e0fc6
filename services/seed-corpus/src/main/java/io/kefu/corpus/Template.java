package io.kefu.corpus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a template file: text with {@code {slot}} placeholders.
 *
 * @param text the text as written
 * @param slots the placeholders it uses
 * @param origin resource and line number, for error messages
 */
record Template(String text, Set<Slot> slots, String origin) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  Template {
    slots = Collections.unmodifiableSet(slots.isEmpty() ? EnumSet.noneOf(Slot.class) : EnumSet.copyOf(slots));
  }

  /** Parses the placeholders of {@code text}; an unknown one is an error naming {@code origin}. */
  static Template parse(String text, String origin) {
    Set<Slot> slots = EnumSet.noneOf(Slot.class);
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      try {
        slots.add(Slot.ofKey(matcher.group(1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
      }
    }
    return new Template(text, slots, origin);
  }

  /** True when every placeholder has a value among {@code available}. */
  boolean fitsWithin(Set<Slot> available) {
    return available.containsAll(slots);
  }

  /** The text with every placeholder replaced by its value. */
  String fill(Map<Slot, String> values) {
    String out = text;
    for (Slot slot : slots) {
      String value = values.get(slot);
      if (value == null) {
        throw new IllegalArgumentException(origin + ": no value for " + slot.placeholder() + " in '" + text + "'");
      }
      out = out.replace(slot.placeholder(), value);
    }
    return out;
  }
}
