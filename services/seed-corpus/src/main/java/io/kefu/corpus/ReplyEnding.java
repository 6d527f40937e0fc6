package io.kefu.corpus;

/**
 * Whether a reply ends like a finished sentence rather than a cut-off or looping generation.
 *
 * <p>A reply ends properly when all of these hold:
 * <ol>
 *   <li>it is not blank;
 *   <li>it has no control character (it is one line) and no U+FFFD (no broken UTF-8);
 *   <li>after trailing white space and closing marks ({@code ) ] " ' ” ’ 」 』 ） 】 》}) its last character is one of
 *       {@code . ! ? 。 ！ ？} — so it does not stop mid-word or mid-sentence;
 *   <li>it has no loop: no piece of 2 to 40 characters that contains a letter occurs three times in a row
 *       ({@code "ok ok ok "}, {@code "谢谢谢谢谢谢"}); runs of digits and punctuation ({@code 00000000}) are allowed.
 * </ol>
 */
final class ReplyEnding {

  private static final String TERMINAL = ".!?。！？";
  private static final String CLOSING = ")]\"'”’」』）】》";
  static final int MIN_LOOP_UNIT = 2;
  static final int MAX_LOOP_UNIT = 40;

  private ReplyEnding() {}

  /** True when {@code reply} meets every rule above. */
  static boolean endsProperly(String reply) {
    if (reply == null || reply.isBlank()) {
      return false;
    }
    if (reply.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
      return false;
    }
    int end = reply.length();
    while (end > 0 && (Character.isWhitespace(reply.charAt(end - 1)) || CLOSING.indexOf(reply.charAt(end - 1)) >= 0)) {
      end--;
    }
    return end > 0 && TERMINAL.indexOf(reply.charAt(end - 1)) >= 0 && !loops(reply);
  }

  /** True when some piece of text with a letter in it repeats three times back to back. */
  static boolean loops(String text) {
    int n = text.length();
    for (int unit = MIN_LOOP_UNIT; unit <= MAX_LOOP_UNIT && 3 * unit <= n; unit++) {
      for (int i = 0; i + 3 * unit <= n; i++) {
        if (text.regionMatches(i, text, i + unit, unit) && text.regionMatches(i, text, i + 2 * unit, unit)
            && hasLetter(text, i, i + unit)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasLetter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
