package io.kefu.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every template of both languages, checked for completeness and for train/held-out disjointness when loaded. */
final class TemplateCatalog {

  static final String GREETING = "@greeting";
  static final String CLARIFY = "@clarify";

  private static final int MIN_TRAIN = 20;
  private static final int MIN_HELD = 4;
  private static final int MIN_REPLIES = 3;

  private final Map<Lang, Map<String, Map<String, List<Template>>>> byLang;
  private final Set<String> heldOutPhrasings;

  TemplateCatalog(Map<Lang, Map<String, Map<String, List<Template>>>> byLang) {
    Map<Lang, Map<String, Map<String, List<Template>>>> copy = new EnumMap<>(Lang.class);
    byLang.forEach((lang, sections) -> {
      Map<String, Map<String, List<Template>>> sectionCopy = new HashMap<>();
      sections.forEach((name, kinds) -> {
        Map<String, List<Template>> kindCopy = new HashMap<>();
        kinds.forEach((kind, templates) -> kindCopy.put(kind, List.copyOf(templates)));
        sectionCopy.put(name, Map.copyOf(kindCopy));
      });
      copy.put(lang, Map.copyOf(sectionCopy));
    });
    this.byLang = copy;
    validate();
    Set<String> held = new HashSet<>();
    for (Lang lang : Lang.values()) {
      customerSide(lang, Split.HELD_OUT).forEach(t -> held.add(normalized(t.text())));
    }
    this.heldOutPhrasings = Set.copyOf(held);
  }

  /** The catalogue shipped in this jar ({@code templates-en.txt}, {@code templates-zh.txt}). */
  static TemplateCatalog standard() {
    return Standard.INSTANCE;
  }

  /** Customer phrasings of {@code intent} in {@code split}. */
  List<Template> customer(Intent intent, Lang lang, Split split) {
    return kind(lang, intent.name(), splitKind(split));
  }

  /** Reply templates of {@code intent} in {@code style}, which must be TERSE or COMPLETE. */
  List<Template> replies(Intent intent, Lang lang, ReplyStyle style) {
    if (style == ReplyStyle.WRONG) {
      throw new IllegalArgumentException("WRONG replies are other intents' replies and have no templates of their own");
    }
    return kind(lang, intent.name(), style.name().toLowerCase(Locale.ROOT));
  }

  /** Customer greetings used as an opening turn. */
  List<Template> greetings(Lang lang, Split split) {
    return kind(lang, GREETING, splitKind(split));
  }

  /** Agent answers to a greeting. */
  List<Template> greetingAnswers(Lang lang) {
    return kind(lang, GREETING, "agent");
  }

  /** Agent turns asking for the order number. */
  List<Template> orderQuestions(Lang lang) {
    return kind(lang, CLARIFY, "agent");
  }

  /** Customer turns that give the order number the agent asked for. */
  List<Template> orderAnswers(Lang lang, Split split) {
    return kind(lang, CLARIFY, splitKind(split));
  }

  /** True when {@code text} is a held-out customer phrasing, ignoring case, punctuation and spaces. */
  boolean isHeldOutPhrasing(String text) {
    return heldOutPhrasings.contains(normalized(text));
  }

  /** True when some complete reply of {@code intent} names the order number. */
  boolean namesOrders(Intent intent, Lang lang) {
    return replies(intent, lang, ReplyStyle.COMPLETE).stream().anyMatch(t -> t.slots().contains(Slot.ORDER));
  }

  private static String splitKind(Split split) {
    return split == Split.TRAIN ? "train" : "held";
  }

  private List<Template> kind(Lang lang, String section, String kind) {
    Map<String, Map<String, List<Template>>> sections = byLang.get(lang);
    if (sections == null || !sections.containsKey(section)) {
      throw new IllegalStateException("no template section " + section + " for " + lang);
    }
    return sections.get(section).getOrDefault(kind, List.of());
  }

  private void validate() {
    for (Lang lang : Lang.values()) {
      Map<String, Map<String, List<Template>>> sections = byLang.get(lang);
      if (sections == null) {
        throw new IllegalStateException("no templates for " + lang);
      }
      for (String name : sections.keySet()) {
        if (!name.equals(GREETING) && !name.equals(CLARIFY) && !isIntent(name)) {
          throw new IllegalStateException(lang + " templates have an unknown section '" + name + "'");
        }
      }
      for (Intent intent : Intent.values()) {
        validateIntent(intent, lang);
      }
      validateContext(lang);
    }
    validateDisjointSplits();
  }

  private void validateIntent(Intent intent, Lang lang) {
    String where = lang + " " + intent;
    require(customer(intent, lang, Split.TRAIN).size() >= MIN_TRAIN, where + " needs at least " + MIN_TRAIN
        + " train phrasings, has " + customer(intent, lang, Split.TRAIN).size());
    require(customer(intent, lang, Split.HELD_OUT).size() >= MIN_HELD, where + " needs at least " + MIN_HELD
        + " held-out phrasings, has " + customer(intent, lang, Split.HELD_OUT).size());
    List<Template> terse = replies(intent, lang, ReplyStyle.TERSE);
    List<Template> complete = replies(intent, lang, ReplyStyle.COMPLETE);
    require(terse.size() >= MIN_REPLIES && complete.size() >= MIN_REPLIES, where + " needs at least " + MIN_REPLIES
        + " terse and " + MIN_REPLIES + " complete replies, has " + terse.size() + " and " + complete.size());
    for (Template t : terse) {
      require(t.slots().isEmpty(), t.origin() + ": a terse reply names no slot, but uses " + t.slots());
    }
    require(complete.stream().anyMatch(t -> t.slots().isEmpty()),
        where + " needs a complete reply without placeholders, for customers who named nothing");
    boolean customersGiveOrders = List.of(Split.values()).stream()
        .flatMap(split -> customer(intent, lang, split).stream()).anyMatch(t -> t.slots().contains(Slot.ORDER));
    require(!customersGiveOrders || complete.stream().anyMatch(t -> t.slots().equals(Set.of(Slot.ORDER))),
        where + " has customers who give an order number, so it needs a complete reply using only {order}");
  }

  private void validateContext(Lang lang) {
    for (Split split : Split.values()) {
      require(!greetings(lang, split).isEmpty(), lang + " " + GREETING + " needs " + splitKind(split) + " lines");
      require(!orderAnswers(lang, split).isEmpty(), lang + " " + CLARIFY + " needs " + splitKind(split) + " lines");
      for (Template t : orderAnswers(lang, split)) {
        require(t.slots().equals(Set.of(Slot.ORDER)), t.origin() + ": an order answer uses exactly {order}");
      }
    }
    for (Template t : concat(greetingAnswers(lang), orderQuestions(lang), greetings(lang, Split.TRAIN),
        greetings(lang, Split.HELD_OUT))) {
      require(t.slots().isEmpty(), t.origin() + ": greetings and agent context turns use no placeholder");
    }
    require(!greetingAnswers(lang).isEmpty() && !orderQuestions(lang).isEmpty(),
        lang + " needs agent lines in " + GREETING + " and " + CLARIFY);
  }

  /** Train and held-out phrasings must differ even after lower-casing and dropping punctuation and spaces. */
  private void validateDisjointSplits() {
    Map<String, Template> train = new HashMap<>();
    for (Lang lang : Lang.values()) {
      Map<String, Template> seen = new HashMap<>();
      for (Split split : Split.values()) {
        for (Template t : customerSide(lang, split)) {
          Template before = seen.putIfAbsent(normalized(t.text()), t);
          require(before == null, t.origin() + ": '" + t.text() + "' repeats "
              + (before == null ? "" : before.origin()));
          if (split == Split.TRAIN) {
            train.put(normalized(t.text()), t);
          }
        }
      }
    }
    for (Lang lang : Lang.values()) {
      for (Template t : customerSide(lang, Split.HELD_OUT)) {
        Template clash = train.get(normalized(t.text()));
        require(clash == null, t.origin() + ": held-out phrasing '" + t.text() + "' is also a train phrasing at "
            + (clash == null ? "" : clash.origin()));
      }
    }
  }

  private List<Template> customerSide(Lang lang, Split split) {
    List<Template> all = new ArrayList<>(greetings(lang, split));
    all.addAll(orderAnswers(lang, split));
    for (Intent intent : Intent.values()) {
      all.addAll(customer(intent, lang, split));
    }
    return all;
  }

  static String normalized(String text) {
    StringBuilder out = new StringBuilder();
    text.toLowerCase(Locale.ROOT).codePoints()
        .filter(c -> Character.isLetterOrDigit(c) || c == '{' || c == '}')
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  @SafeVarargs
  private static List<Template> concat(List<Template>... lists) {
    List<Template> all = new ArrayList<>();
    for (List<Template> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  private static boolean isIntent(String name) {
    for (Intent intent : Intent.values()) {
      if (intent.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("template catalogue: " + message);
    }
  }

  /** Loaded once, on first use; immutable afterwards. */
  private static final class Standard {
    static final TemplateCatalog INSTANCE = load();

    private static TemplateCatalog load() {
      Map<Lang, Map<String, Map<String, List<Template>>>> byLang = new EnumMap<>(Lang.class);
      for (Lang lang : Lang.values()) {
        byLang.put(lang, TemplateFileParser.parseResource("templates-" + lang.name().toLowerCase(Locale.ROOT) + ".txt"));
      }
      return new TemplateCatalog(byLang);
    }
  }
}
