package io.kefu.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The documented check of a reply, used by {@code kefu eval} (does it address the intent, does it end properly) and
 * by the customer simulator (does it name the order number, does it give a concrete next step).
 *
 * <ul>
 *   <li>{@link #classify}: the intent whose reply keywords cover the most characters of the reply, case-insensitive,
 *       each keyword counted once; none when no keyword occurs or two intents tie. Every reply template of an intent
 *       holds one of its keywords and none of another's, so corpus replies classify exactly.
 *   <li>{@link #endsProperly}: not blank, one line, valid text, ends with . ! ? 。！？ (closing quotes or brackets
 *       may follow), and no piece of 2-40 characters with a letter in it repeated three times in a row.
 *   <li>{@link #hasConcreteNextStep}: addresses the intent and holds an action taken ("I've …", "已为您…") or a
 *       time to hold on to (a time frame, today/tomorrow, a clock time, a calendar day).
 *   <li>{@link #mentionsOrderNumber}: the customer's order number appears whole (not inside a longer number).
 * </ul>
 */
public final class ReplyJudge {

  /** A judge with the standard keyword table; it holds no state, so one instance can be shared. */
  public ReplyJudge() {}

  /** The keywords that identify {@code intent} in a reply (lower case, English and Chinese). */
  public List<String> keywords(Intent intent) {
    return IntentKeywords.of(Objects.requireNonNull(intent, "intent"));
  }

  /** The intent {@code reply} answers, or empty when it answers none or is ambiguous between two. */
  public Optional<Intent> classify(String reply) {
    return IntentKeywords.classify(Objects.requireNonNull(reply, "reply"));
  }

  /** True when {@code reply} answers {@code intent} and no other. */
  public boolean addresses(Intent intent, String reply) {
    return classify(reply).equals(Optional.of(Objects.requireNonNull(intent, "intent")));
  }

  /** True when {@code reply} ends like a finished sentence, not a cut-off or looping generation. */
  public boolean endsProperly(String reply) {
    return ReplyEnding.endsProperly(reply);
  }

  /** True when {@code reply} addresses {@code intent} and says concretely what happens next, in {@code lang}. */
  public boolean hasConcreteNextStep(Intent intent, Lang lang, String reply) {
    Objects.requireNonNull(lang, "lang");
    return addresses(intent, reply) && NextStepMarkers.present(lang, reply);
  }

  /** True when the customer gave an order number ({@link Slot#ORDER} in {@code slots}) and {@code reply} names it. */
  public boolean mentionsOrderNumber(String reply, Map<Slot, String> slots) {
    Objects.requireNonNull(slots, "slots");
    String order = slots.get(Slot.ORDER);
    return order != null && mentionsOrderNumber(reply, order);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** True when {@code reply} names {@code orderNumber} whole, ignoring case ({@code ord-12345678} counts). */
  public boolean mentionsOrderNumber(String reply, String orderNumber) {
    Objects.requireNonNull(reply, "reply");
    if (orderNumber == null || orderNumber.isBlank()) {
      return false;
    }
    String text = reply.toUpperCase(Locale.ROOT);
    String wanted = orderNumber.toUpperCase(Locale.ROOT);
    for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      int after = at + wanted.length();
      // Chinese runs straight into the number ("订单ORD-…"), so only Latin letters and digits count as joined.
      boolean cleanStart = at == 0 || !isAsciiLetterOrDigit(text.charAt(at - 1));
      boolean cleanEnd = after == text.length() || !isAsciiDigit(text.charAt(after));
      if (cleanStart && cleanEnd) {
        return true;
      }
    }
    return false;
  }
}
