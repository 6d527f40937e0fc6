package io.kefu.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Generates the synthetic bilingual seed corpus and renders replies on demand.
 *
 * <p>Generation is deterministic in (split, seed) and balanced: conversation {@code i} has intent
 * {@code Intent.values()[i % 20]} and language {@code Lang.values()[(i / 20) % 2]}, so every 40 consecutive
 * conversations cover each intent in each language once, and a corpus of {@code n} is a prefix of one of
 * {@code n + k} with the same seed.
 */
public final class SeedCorpus {
  /** Immutable tables shared by every caller; loaded and checked once when the class is first used. */
  private static final TemplateTable TEMPLATES = TemplateTable.load();
  private static final SlotPool SLOTS = SlotPool.load();
  private static final ReplyRenderer RENDERER = new ReplyRenderer(TEMPLATES);
  private static final ConversationFactory FACTORY = new ConversationFactory(TEMPLATES, SLOTS, RENDERER);

  private SeedCorpus() {}

  /** {@code count} conversations of {@code split} with the default options (80% TERSE, 20% COMPLETE, 30% context). */
  public static List<Conversation> generate(Split split, int count, long seed) {
    return generate(split, count, seed, CorpusOptions.DEFAULT);
  }

  /** {@code count} conversations of {@code split}, reply styles and context share as given by {@code options}. */
  public static List<Conversation> generate(Split split, int count, long seed, CorpusOptions options) {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(options, "options");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    List<Conversation> conversations = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      conversations.add(FACTORY.build(split, seed, index, options));
    }
    return List.copyOf(conversations);
  }

  /**
   * A reply to {@code intent} in {@code style}, using only the slot values in {@code slots} (keys as in
   * {@link Slot#key()}); a COMPLETE reply to an order-related intent names {@code slots.get("order")} when present,
   * and a WRONG reply is a reply to some other intent.
   */
  public static String reply(Intent intent, Lang lang, ReplyStyle style, Map<String, String> slots, Random random) {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(slots, "slots");
    return RENDERER.render(intent, lang, style, slots, random);
  }

  /** A customer message for {@code intent} in one of {@code split}'s phrasings that {@code slots} can fill. */
  public static String customerMessage(Intent intent, Lang lang, Split split, Map<String, String> slots, Random random) {
    List<Template> fillable = TEMPLATES.customer(lang, intent, split).stream().filter(t -> t.fillableFrom(slots)).toList();
    if (fillable.isEmpty()) {
      throw new IllegalArgumentException("no " + split + " " + lang + " phrasing of " + intent + " can be filled from slots "
          + slots.keySet() + "; draw them with SeedCorpus.slotValues");
    }
    return fillable.get(random.nextInt(fillable.size())).render(slots);
  }

  /** One value for every slot (order, product, amount, date, city, code) from {@code split}'s pool. */
  public static Map<String, String> slotValues(Split split, Lang lang, Random random) {
    return Map.copyOf(SLOTS.draw(split, lang, random));
  }

  /** Package-private view of the tables for the tests that check coverage and disjointness. */
  static TemplateTable templates() {
    return TEMPLATES;
  }

  static SlotPool slotPool() {
    return SLOTS;
  }
}
