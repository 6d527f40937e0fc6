package io.kefu.corpus;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One generated conversation: optional earlier turns, the final customer message and the agent reply to it.
 *
 * @param slots the slot values (keyed by {@link Slot#key()}) the texts mention; holds "order" when an order
 *     number was given
 */
public record Conversation(
    String id,
    Intent intent,
    Lang lang,
    List<Turn> context,
    String customerMessage,
    String reply,
    ReplyStyle style,
    Map<String, String> slots) {

  /** Checks every part is present and freezes the collections. */
  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(customerMessage, "customerMessage");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(style, "style");
    context = List.copyOf(context);
    slots = Map.copyOf(slots);
  }
}
