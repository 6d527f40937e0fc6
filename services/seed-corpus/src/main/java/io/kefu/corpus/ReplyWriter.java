package io.kefu.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Writes an agent reply of a given style from the reply templates and the slots the customer mentioned. */
final class ReplyWriter {

  private final TemplateCatalog catalog;

  ReplyWriter(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A reply to {@code intent}: TERSE names nothing; COMPLETE is a terse opening followed by a detail sentence that
   * uses only slots the customer gave and always names the order number when there is one; WRONG is a reply of
   * another intent drawn uniformly, terse or complete with even odds (terse when none of its detail lines fits).
   *
   * <p>Every reply of an intent opens the same way, so a model learns which intent from all of them and how much to
   * say as one later choice: whether to go on after the opening.
   */
  String write(Intent intent, Lang lang, ReplyStyle style, Map<Slot, String> slots, Random random) {
    return switch (style) {
      case TERSE -> terse(intent, lang, slots, random);
      case COMPLETE -> complete(intent, lang, slots, random);
      case WRONG -> wrong(intent, lang, slots, random);
    };
  }

  private String terse(Intent intent, Lang lang, Map<Slot, String> slots, Random random) {
    return pick(catalog.replies(intent, lang, ReplyStyle.TERSE), random).fill(slots);
  }

  private String complete(Intent intent, Lang lang, Map<Slot, String> slots, Random random) {
    String opening = terse(intent, lang, slots, random);
    String detail = pick(completeCandidates(intent, lang, slots.keySet()), random).fill(slots);
    return lang == Lang.ZH ? opening + detail : opening + " " + detail;
  }

  private List<Template> completeCandidates(Intent intent, Lang lang, Set<Slot> available) {
    boolean hasOrder = available.contains(Slot.ORDER);
    List<Template> candidates = new ArrayList<>();
    for (Template t : catalog.replies(intent, lang, ReplyStyle.COMPLETE)) {
      if (t.fitsWithin(available) && (!hasOrder || t.slots().contains(Slot.ORDER))) {
        candidates.add(t);
      }
    }
    if (candidates.isEmpty()) {
      // The catalogue guarantees an {order}-only reply where customers give orders; an order from an earlier turn of
      // another intent is not named by intents that never name orders.
      for (Template t : catalog.replies(intent, lang, ReplyStyle.COMPLETE)) {
        if (t.fitsWithin(available)) {
          candidates.add(t);
        }
      }
    }
    return candidates;
  }

  private String wrong(Intent intent, Lang lang, Map<Slot, String> slots, Random random) {
    Intent[] all = Intent.values();
    Intent other = all[(intent.ordinal() + 1 + random.nextInt(all.length - 1)) % all.length];
    // Another intent's detail sentences may need slots this customer never gave; then only its terse replies fit.
    boolean detailFits = !completeCandidates(other, lang, slots.keySet()).isEmpty();
    return detailFits && random.nextBoolean() ? complete(other, lang, slots, random) : terse(other, lang, slots, random);
  }

  static <T> T pick(List<T> values, Random random) {
    if (values.isEmpty()) {
      throw new IllegalStateException("nothing to pick from: the template catalogue lacks a needed template");
    }
    return values.get(random.nextInt(values.size()));
  }
}
