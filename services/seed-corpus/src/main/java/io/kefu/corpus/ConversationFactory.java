package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the conversation at one index of a corpus from a random source derived from (seed, index) only, so a
 * shorter corpus is a prefix of a longer one with the same seed.
 */
final class ConversationFactory {
  /** Intents that make sense as an earlier, already answered question. */
  private static final Set<Intent> NOT_EARLIER = EnumSet.of(Intent.ASK_FOR_HUMAN, Intent.GREETING_THANKS);

  private final TemplateTable templates;
  private final SlotPool pool;
  private final ReplyRenderer renderer;

  ConversationFactory(TemplateTable templates, SlotPool pool, ReplyRenderer renderer) {
    this.templates = templates;
    this.pool = pool;
    this.renderer = renderer;
  }

  /** The conversation at {@code index}: intents cycle fastest, then languages, so any 40 in a row are balanced. */
  Conversation build(Split split, long seed, int index, CorpusOptions options) {
    Random random = new Random(mix(seed, index));
    Intent[] intents = Intent.values();
    Intent intent = intents[index % intents.length];
    Lang lang = Lang.values()[(index / intents.length) % Lang.values().length];
    Map<String, String> drawn = pool.draw(split, lang, random);

    List<Turn> context = new ArrayList<>();
    List<String> customerTexts = new ArrayList<>();
    if (random.nextDouble() < options.contextShare()) {
      if (random.nextBoolean()) {
        context.add(new Turn(Role.CUSTOMER, pick(templates.greetings(lang, Role.CUSTOMER), random)));
        context.add(new Turn(Role.AGENT, pick(templates.greetings(lang, Role.AGENT), random)));
      } else {
        Intent earlier = earlierIntent(intent, random);
        String question = pick(templates.customer(lang, earlier, split), random).render(drawn);
        customerTexts.add(question);
        ReplyStyle earlierStyle = random.nextBoolean() ? ReplyStyle.TERSE : ReplyStyle.COMPLETE;
        String answer = renderer.render(earlier, lang, earlierStyle, known(drawn, customerTexts), random);
        context.add(new Turn(Role.CUSTOMER, question));
        context.add(new Turn(Role.AGENT, answer));
      }
    }
    String message = pick(templates.customer(lang, intent, split), random).render(drawn);
    customerTexts.add(message);
    ReplyStyle style = options.styles().draw(random);
    String reply = renderer.render(intent, lang, style, known(drawn, customerTexts), random);

    Map<String, String> mentioned = new LinkedHashMap<>();
    List<String> allTexts = new ArrayList<>(context.stream().map(Turn::text).toList());
    allTexts.add(message);
    allTexts.add(reply);
    drawn.forEach((key, value) -> {
      if (allTexts.stream().anyMatch(text -> text.contains(value))) {
        mentioned.put(key, value);
      }
    });
    String id = (split == Split.TRAIN ? "train-" : "heldout-") + Long.toHexString(seed) + "-" + index;
    return new Conversation(id, intent, lang, context, message, reply, style, mentioned);
  }

  /**
   * The slot values an agent knows: those the customer wrote, or all of them once an order number is given
   * (the agent looked the order up).
   */
  static Map<String, String> known(Map<String, String> drawn, List<String> customerTexts) {
    String order = drawn.get(Slot.ORDER.key());
    if (customerTexts.stream().anyMatch(text -> text.contains(order))) {
      return drawn;
    }
    Map<String, String> known = new LinkedHashMap<>();
    drawn.forEach((key, value) -> {
      if (customerTexts.stream().anyMatch(text -> text.contains(value))) {
        known.put(key, value);
      }
    });
    return known;
  }

  private static Intent earlierIntent(Intent intent, Random random) {
    List<Intent> candidates = EnumSet.complementOf(EnumSet.copyOf(NOT_EARLIER)).stream().filter(i -> i != intent).toList();
    return candidates.get(random.nextInt(candidates.size()));
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** SplitMix64 finaliser over (seed, index): neighbouring indices get unrelated random streams. */
  private static long mix(long seed, int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
