package io.kefu.corpus;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The documented reply check {@code kefu eval} applies to a model's replies.
 *
 * <ul>
 *   <li>{@link #classify}: the intent whose keyword set ({@code judge-keywords.tsv}) has strictly the most distinct
 *       hits in the reply; every reply template of an intent holds one of its keywords and none of another's.
 *   <li>{@link #endsProperly}: non-empty, ends with . ! ? 。 ！ or ？, holds no U+FFFD and no substring of 3+ chars
 *       repeated 3+ times in a row (the typical degenerate loop of a small model).
 *   <li>{@link #mentionsOrder}: the reply contains the conversation's order number.
 *   <li>{@link #hasConcreteNextStep}: a COMPLETE-style marker ({@code next-step-markers.tsv}): a time frame such as
 *       "3-5 business days", "within 24 hours", "3-5个工作日", "24小时内", or a link.
 * </ul>
 */
public final class ReplyJudge {
  private static final JudgeLexicon LEXICON = JudgeLexicon.load();
  private static final String ENDINGS = ".!?。！？";
  private static final int MIN_UNIT = 3;
  private static final int MIN_REPEATS = 3;

  private ReplyJudge() {}

  /** The intent a reply in {@code lang} answers, or empty when no keyword set wins outright. */
  public static Optional<Intent> classify(String reply, Lang lang) {
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(lang, "lang");
    return LEXICON.bestIntent(reply, lang);
  }

  /** Whether {@code reply} (language detected from its script) is classified as {@code intent}. */
  public static boolean addresses(Intent intent, String reply) {
    return classify(reply, Lang.detect(reply)).filter(intent::equals).isPresent();
  }

  /** Whether a reply is a finished, non-degenerate sentence (see the class comment). */
  public static boolean endsProperly(String reply) {
    String text = reply == null ? "" : reply.strip();
    if (text.isEmpty() || ENDINGS.indexOf(text.charAt(text.length() - 1)) < 0 || text.indexOf('\uFFFD') >= 0) {
      return false;
    }
    return !hasRepeatedRun(text);
  }

  /** Whether {@code slots} holds an "order" and {@code reply} contains it verbatim. */
  public static boolean mentionsOrder(String reply, Map<String, String> slots) {
    String order = slots.get(Slot.ORDER.key());
    return order != null && reply.contains(order);
  }

  /** Whether {@code reply} gives a concrete next step (time frame or link) for {@code intent} in {@code lang}. */
  public static boolean hasConcreteNextStep(Intent intent, String reply, Lang lang) {
    return LEXICON.hasMarker(intent, reply, lang);
  }

  /** Whether some substring of at least 3 chars occurs 3 or more times back to back. */
  static boolean hasRepeatedRun(String text) {
    int n = text.length();
    for (int start = 0; start < n; start++) {
      for (int unit = MIN_UNIT; start + unit * MIN_REPEATS <= n; unit++) {
        if (text.regionMatches(start, text, start + unit, unit) && text.regionMatches(start, text, start + 2 * unit, unit)) {
          return true;
        }
      }
    }
    return false;
  }
}
