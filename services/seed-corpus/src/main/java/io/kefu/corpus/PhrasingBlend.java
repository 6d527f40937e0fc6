package io.kefu.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Splices two training phrasings of one intent into a new customer message (the start of one, the end of the
 * other, or both in a row), so that a small model learns an intent from its words rather than from a handful of
 * memorised sentences. Only training phrasings are blended; the caller rejects a blend that equals a held-out one.
 */
final class PhrasingBlend {

  private PhrasingBlend() {}

  /** A blend of {@code first} and {@code second} in {@code lang}, drawn from {@code random}; placeholders stay whole. */
  static Template blend(Template first, Template second, Lang lang, Random random) {
    List<String> head = units(first.text(), lang);
    List<String> tail = units(second.text(), lang);
    String origin = first.origin() + " + " + second.origin();
    if (random.nextInt(3) == 0 || head.size() < 2 || tail.size() < 2) {
      return Template.parse(first.text() + (lang == Lang.EN ? " " : "") + second.text(), origin);
    }
    int cutHead = cut(head.size(), random);
    int cutTail = cut(tail.size(), random);
    List<String> spliced = new ArrayList<>(head.subList(0, cutHead));
    spliced.addAll(tail.subList(cutTail, tail.size()));
    return Template.parse(String.join(lang == Lang.EN ? " " : "", spliced), origin);
  }

  /** A cut near the middle, leaving at least one unit on each side. */
  private static int cut(int size, Random random) {
    int middle = size / 2 + random.nextInt(3) - 1;
    return Math.max(1, Math.min(size - 1, middle));
  }

  /**
   * English: the words. Chinese: each placeholder and each run of Latin letters or digits as one unit, every other
   * character on its own.
   */
  static List<String> units(String text, Lang lang) {
    List<String> units = new ArrayList<>();
    if (lang == Lang.EN) {
      for (String word : text.split(" ")) {
        if (!word.isEmpty()) {
          units.add(word);
        }
      }
      return units;
    }
    int i = 0;
    while (i < text.length()) {
      int end = i + Character.charCount(text.codePointAt(i));
      if (text.charAt(i) == '{' && text.indexOf('}', i) > i) {
        end = text.indexOf('}', i) + 1;
      } else if (isLatinOrDigit(text.charAt(i))) {
        while (end < text.length() && isLatinOrDigit(text.charAt(end))) {
          end++;
        }
      }
      units.add(text.substring(i, end));
      i = end;
    }
    return units;
  }

  private static boolean isLatinOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
