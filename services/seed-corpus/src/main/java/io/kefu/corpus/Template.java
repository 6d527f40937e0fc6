package io.kefu.corpus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text with {@code {slot}} placeholders, e.g. "Where is {order}?". */
record Template(String text, Set<Slot> placeholders) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  /** Parses the placeholders of {@code text}; unknown placeholder names are rejected. */
  static Template parse(String text) {
    Set<Slot> slots = EnumSet.noneOf(Slot.class);
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      slots.add(Slot.ofKey(matcher.group(1)));
    }
    return new Template(text, Set.copyOf(slots));
  }

  /** Whether every placeholder has a value in {@code slots}. */
  boolean fillableFrom(Map<String, String> slots) {
    return placeholders.stream().allMatch(slot -> slots.containsKey(slot.key()));
  }

  /** The text with each placeholder replaced by its value. */
  String render(Map<String, String> slots) {
    String out = text;
    for (Slot slot : placeholders) {
      String value = slots.get(slot.key());
      if (value == null) {
        throw new IllegalArgumentException("template needs slot '" + slot.key() + "' but slots hold " + slots.keySet()
            + ": " + text);
      }
      out = out.replace("{" + slot.key() + "}", value);
    }
    return out;
  }
}
