package io.kefu.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Picks and fills a reply template for an intent, language, style and the slot values the agent knows. */
final class ReplyRenderer {
  private final TemplateTable templates;

  ReplyRenderer(TemplateTable templates) {
    this.templates = templates;
  }

  /**
   * Renders a reply; WRONG borrows a TERSE or COMPLETE reply of a different intent, and COMPLETE replies of
   * order-related intents name the order whenever {@code slots} holds one.
   */
  String render(Intent intent, Lang lang, ReplyStyle style, Map<String, String> slots, Random random) {
    if (style == ReplyStyle.WRONG) {
      List<Intent> others = Arrays.stream(Intent.values()).filter(other -> other != intent).toList();
      Intent other = others.get(random.nextInt(others.size()));
      return render(other, lang, random.nextBoolean() ? ReplyStyle.TERSE : ReplyStyle.COMPLETE, slots, random);
    }
    List<Template> fillable = templates.replies(lang, intent, style).stream().filter(t -> t.fillableFrom(slots)).toList();
    if (style == ReplyStyle.COMPLETE && intent.orderRelated() && slots.containsKey(Slot.ORDER.key())) {
      fillable = fillable.stream().filter(t -> t.placeholders().contains(Slot.ORDER)).toList();
    }
    if (fillable.isEmpty()) {
      // Unreachable with the checked resources: every style has a template without placeholders.
      throw new IllegalStateException("no " + style + " " + lang + " reply template for " + intent + " fits slots " + slots.keySet());
    }
    return fillable.get(random.nextInt(fillable.size())).render(slots);
  }
}
