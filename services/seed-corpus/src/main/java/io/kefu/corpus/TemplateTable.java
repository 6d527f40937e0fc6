package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * All customer, reply and greeting templates, loaded once from the TSV resources and checked for coverage.
 *
 * <p>Files per language ({@code en}, {@code zh}): {@code customer-xx.tsv} (intent, split, template),
 * {@code reply-xx.tsv} (intent, TERSE|COMPLETE, template), {@code greeting-xx.tsv} (CUSTOMER|AGENT, text).
 */
final class TemplateTable {
  static final int MIN_TRAIN_PHRASINGS = 6;
  static final int MIN_HELD_OUT_PHRASINGS = 2;
  static final int MIN_REPLIES_PER_STYLE = 2;

  private final Map<Lang, Map<Intent, Map<Split, List<Template>>>> customer = new EnumMap<>(Lang.class);
  private final Map<Lang, Map<Intent, Map<ReplyStyle, List<Template>>>> replies = new EnumMap<>(Lang.class);
  private final Map<Lang, Map<Role, List<String>>> greetings = new EnumMap<>(Lang.class);

  private TemplateTable() {}

  /** Loads and checks every template resource. */
  static TemplateTable load() {
    TemplateTable table = new TemplateTable();
    for (Lang lang : Lang.values()) {
      String suffix = lang.name().toLowerCase() + ".tsv";
      for (String[] row : ResourceTsv.read("customer-" + suffix, 3)) {
        table.customer.computeIfAbsent(lang, l -> new EnumMap<>(Intent.class))
            .computeIfAbsent(Intent.valueOf(row[0]), i -> new EnumMap<>(Split.class))
            .computeIfAbsent(Split.valueOf(row[1]), s -> new ArrayList<>()).add(Template.parse(row[2]));
      }
      for (String[] row : ResourceTsv.read("reply-" + suffix, 3)) {
        ReplyStyle style = ReplyStyle.valueOf(row[1]);
        if (style == ReplyStyle.WRONG) {
          throw new IllegalStateException("reply-" + suffix + " must not hold WRONG templates (they are borrowed from other intents)");
        }
        table.replies.computeIfAbsent(lang, l -> new EnumMap<>(Intent.class))
            .computeIfAbsent(Intent.valueOf(row[0]), i -> new EnumMap<>(ReplyStyle.class))
            .computeIfAbsent(style, s -> new ArrayList<>()).add(Template.parse(row[2]));
      }
      for (String[] row : ResourceTsv.read("greeting-" + suffix, 2)) {
        table.greetings.computeIfAbsent(lang, l -> new EnumMap<>(Role.class))
            .computeIfAbsent(Role.valueOf(row[0]), r -> new ArrayList<>()).add(row[1]);
      }
    }
    table.check();
    return table;
  }

  /** Customer phrasings of one intent in one language and split. */
  List<Template> customer(Lang lang, Intent intent, Split split) {
    return customer.get(lang).get(intent).get(split);
  }

  /** Reply templates of one intent in one language and style (TERSE or COMPLETE). */
  List<Template> replies(Lang lang, Intent intent, ReplyStyle style) {
    if (style == ReplyStyle.WRONG) {
      throw new IllegalArgumentException("WRONG replies have no templates of their own; render another intent instead");
    }
    return replies.get(lang).get(intent).get(style);
  }

  /** Greeting lines spoken by {@code role} in {@code lang}. */
  List<String> greetings(Lang lang, Role role) {
    return greetings.get(lang).get(role);
  }

  private void check() {
    for (Lang lang : Lang.values()) {
      for (Role role : Role.values()) {
        if (greetings.getOrDefault(lang, Map.of()).getOrDefault(role, List.of()).size() < 2) {
          throw new IllegalStateException("greeting-" + lang.name().toLowerCase() + ".tsv needs >= 2 " + role + " lines");
        }
      }
      for (Intent intent : Intent.values()) {
        Map<Split, List<Template>> phrasings = customer.getOrDefault(lang, Map.of()).getOrDefault(intent, Map.of());
        requireAtLeast(phrasings.getOrDefault(Split.TRAIN, List.of()).size(), MIN_TRAIN_PHRASINGS, lang, intent, "TRAIN phrasings");
        requireAtLeast(phrasings.getOrDefault(Split.HELD_OUT, List.of()).size(), MIN_HELD_OUT_PHRASINGS, lang, intent,
            "HELD_OUT phrasings");
        Map<ReplyStyle, List<Template>> styles = replies.getOrDefault(lang, Map.of()).getOrDefault(intent, Map.of());
        for (ReplyStyle style : List.of(ReplyStyle.TERSE, ReplyStyle.COMPLETE)) {
          List<Template> templates = styles.getOrDefault(style, List.of());
          requireAtLeast(templates.size(), MIN_REPLIES_PER_STYLE, lang, intent, style + " replies");
          requireAtLeast((int) templates.stream().filter(t -> t.placeholders().isEmpty()).count(), 1, lang, intent,
              style + " replies without placeholders");
        }
        if (intent.orderRelated()) {
          requireAtLeast((int) styles.get(ReplyStyle.COMPLETE).stream().filter(t -> t.placeholders().contains(Slot.ORDER))
              .count(), 1, lang, intent, "COMPLETE replies naming {order}");
        }
      }
    }
  }

  private static void requireAtLeast(int actual, int minimum, Lang lang, Intent intent, String what) {
    if (actual < minimum) {
      throw new IllegalStateException(lang + " " + intent + " has " + actual + " " + what + ", needs >= " + minimum);
    }
  }
}
