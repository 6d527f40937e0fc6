package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Writes one conversation of a given intent and language: optional earlier turns, the last message, the reply. */
final class ConversationWriter {

  /** What comes before the customer's last message. */
  enum Opening {
    /** Nothing: a single-turn conversation. */
    NONE,
    /** The customer greets, the agent greets back. */
    GREETING,
    /** The customer asked about something else and the agent answered it. */
    EARLIER_QUESTION,
    /** The customer asked without an order number, the agent asked for it, the last message gives it. */
    ORDER_ASKED
  }

  private final TemplateCatalog catalog;
  private final ReplyWriter replies;

  ConversationWriter(TemplateCatalog catalog) {
    this.catalog = catalog;
    this.replies = new ReplyWriter(catalog);
  }

  /** A conversation drawn entirely from {@code random}, so the same state gives the same conversation. */
  Conversation write(String id, Split split, Intent intent, Lang lang, CorpusOptions options, Random random) {
    Map<Slot, String> drawn = SlotPools.draw(split, lang, random);
    Set<Slot> used = EnumSet.noneOf(Slot.class);
    List<Turn> context = new ArrayList<>();
    String message;
    Opening opening = opening(split, intent, lang, options, random);
    if (opening == Opening.ORDER_ASKED) {
      Template first = phrasing(withoutOrder(catalog.customer(intent, lang, split)), intent, split, lang, options,
          random);
      context.add(Turn.customer(CustomerNoise.write(first, drawn, lang, random)));
      context.add(Turn.agent(ReplyWriter.pick(catalog.orderQuestions(lang), random).text()));
      Template answer = ReplyWriter.pick(catalog.orderAnswers(lang, split), random);
      message = CustomerNoise.write(answer, drawn, lang, random);
      used.addAll(first.slots());
      used.addAll(answer.slots());
    } else {
      if (opening == Opening.GREETING) {
        context.add(Turn.customer(
            CustomerNoise.write(ReplyWriter.pick(catalog.greetings(lang, split), random), drawn, lang, random)));
        context.add(Turn.agent(ReplyWriter.pick(catalog.greetingAnswers(lang), random).text()));
      } else if (opening == Opening.EARLIER_QUESTION) {
        context.addAll(earlierQuestion(split, intent, lang, drawn, used, random));
      }
      Template last = phrasing(catalog.customer(intent, lang, split), intent, split, lang, options, random);
      message = CustomerNoise.write(last, drawn, lang, random);
      used.addAll(last.slots());
    }
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    used.forEach(slot -> slots.put(slot, drawn.get(slot)));
    ReplyStyle style = options.styleMix().pick(random);
    String reply = replies.write(intent, lang, style, slots, random);
    return new Conversation(id, split, intent, lang, context, message, reply, style, slots);
  }

  /**
   * A phrasing from {@code pool}; in TRAIN, with probability {@code blendRate}, a blend of two of them, unless the
   * blend happens to spell a held-out phrasing (which must never appear in training) or loses or gains a request
   * for a person (which the reply service acts on before the model).
   */
  private Template phrasing(List<Template> pool, Intent intent, Split split, Lang lang, CorpusOptions options,
      Random random) {
    Template first = ReplyWriter.pick(pool, random);
    if (split != Split.TRAIN || pool.size() < 2 || random.nextDouble() >= options.blendRate()) {
      return first;
    }
    Template blend = PhrasingBlend.blend(first, ReplyWriter.pick(pool, random), lang, random);
    boolean keepsHumanRequest = HumanRequestDetector.asksForHuman(blend.text()) == (intent == Intent.ASK_FOR_HUMAN);
    return catalog.isHeldOutPhrasing(blend.text()) || !keepsHumanRequest ? first : blend;
  }

  private Opening opening(Split split, Intent intent, Lang lang, CorpusOptions options, Random random) {
    double draw = random.nextDouble();
    int choice = random.nextInt(3);
    if (draw >= options.contextRate()) {
      return Opening.NONE;
    }
    boolean canAsk = intent.aboutAnOrder() && !withoutOrder(catalog.customer(intent, lang, split)).isEmpty();
    return switch (choice) {
      case 0 -> Opening.GREETING;
      case 1 -> Opening.EARLIER_QUESTION;
      default -> canAsk ? Opening.ORDER_ASKED : Opening.EARLIER_QUESTION;
    };
  }

  /** A question of another intent and its complete answer; it names an order only if this intent's replies can. */
  private List<Turn> earlierQuestion(Split split, Intent intent, Lang lang, Map<Slot, String> drawn, Set<Slot> used,
      Random random) {
    List<Intent> others = new ArrayList<>();
    for (Intent other : Intent.values()) {
      if (other != intent && other != Intent.ASK_FOR_HUMAN && other != Intent.GREETING_THANKS) {
        others.add(other);
      }
    }
    Intent other = ReplyWriter.pick(others, random);
    List<Template> phrasings = catalog.customer(other, lang, split);
    if (!catalog.namesOrders(intent, lang)) {
      phrasings = withoutOrder(phrasings);
    }
    Template question = ReplyWriter.pick(phrasings, random);
    used.addAll(question.slots());
    Map<Slot, String> given = new EnumMap<>(Slot.class);
    question.slots().forEach(slot -> given.put(slot, drawn.get(slot)));
    return List.of(Turn.customer(CustomerNoise.write(question, drawn, lang, random)),
        Turn.agent(replies.write(other, lang, ReplyStyle.COMPLETE, given, random)));
  }

  private static List<Template> withoutOrder(List<Template> templates) {
    return templates.stream().filter(t -> !t.slots().contains(Slot.ORDER)).toList();
  }
}
