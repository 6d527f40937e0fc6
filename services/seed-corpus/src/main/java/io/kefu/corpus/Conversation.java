package io.kefu.corpus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated conversation: earlier turns, the customer's last message, and the agent's reply to it.
 *
 * @param id stable identifier, {@code <split>-<seed in hex>-<index>}
 * @param split the part of the corpus it belongs to
 * @param intent what the customer wants in the last message
 * @param lang the language of every turn
 * @param context earlier turns, oldest first; empty for a single-turn conversation
 * @param customerMessage the customer's last message, the one the reply answers
 * @param reply the agent's reply
 * @param style how the reply is written
 * @param slots the values the customer mentioned anywhere in the conversation, in {@link Slot} order
 */
public record Conversation(String id, Split split, Intent intent, Lang lang, List<Turn> context,
    String customerMessage, String reply, ReplyStyle style, Map<Slot, String> slots) {

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(lang, "lang");
    context = List.copyOf(context);
    Objects.requireNonNull(customerMessage, "customerMessage");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(style, "style");
    slots = Collections.unmodifiableMap(slots.isEmpty() ? new EnumMap<>(Slot.class) : new EnumMap<>(slots));
  }

  /** The order number the customer gave, if any. */
  public Optional<String> orderNumber() {
    return Optional.ofNullable(slots.get(Slot.ORDER));
  }
}
