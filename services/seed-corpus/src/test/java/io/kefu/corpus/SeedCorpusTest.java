package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedCorpusTest {

  private static final SeedCorpus BASE = SeedCorpus.withDefaults();
  private static final ReplyJudge JUDGE = new ReplyJudge();

  @Test
  void shouldGenerateTheSameCorpusFromTheSameSeed() {
    // Given two generators built separately
    SeedCorpus other = new SeedCorpus(CorpusOptions.defaults());

    // When both generate with seed 42, and one with seed 43
    List<Conversation> first = BASE.generate(Split.TRAIN, 2_000, 42);
    List<Conversation> second = other.generate(Split.TRAIN, 2_000, 42);
    List<Conversation> reseeded = other.generate(Split.TRAIN, 2_000, 43);

    // Then the same seed gives equal conversations, another seed another corpus
    assertThat(second).isEqualTo(first);
    assertThat(reseeded).isNotEqualTo(first);
    assertThat(reseeded.stream().map(Conversation::customerMessage).filter(
        first.stream().map(Conversation::customerMessage).collect(Collectors.toSet())::contains).count())
        .isLessThan(1_000);
  }

  @Test
  void shouldMakeEveryListAPrefixOfTheStreamAndOfLongerLists() {
    List<Conversation> list = BASE.generate(Split.HELD_OUT, 300, 7);

    assertThat(BASE.stream(Split.HELD_OUT, 7).limit(300).toList()).isEqualTo(list);
    assertThat(BASE.generate(Split.HELD_OUT, 500, 7).subList(0, 300)).isEqualTo(list);
    assertThat(BASE.conversation(Split.HELD_OUT, 7, 299)).isEqualTo(list.get(299));
    assertThat(list.get(0).id()).isEqualTo("held-out-7-0");
    assertThat(BASE.generate(Split.TRAIN, 1, -1).get(0).id()).isEqualTo("train-ffffffffffffffff-0");
  }

  @Test
  void shouldBalanceTwentyTwoIntentsOverBothLanguagesInEveryBlock() {
    // Given 30 full blocks of (intent, language) pairs
    int blocks = 30;

    // When
    List<Conversation> corpus = BASE.generate(Split.TRAIN, SeedCorpus.BLOCK * blocks, 1);

    // Then every intent appears exactly 30 times in each language
    assertThat(Intent.values()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(SeedCorpus.BLOCK).isEqualTo(Intent.values().length * 2);
    Map<Intent, Map<Lang, Long>> counts = corpus.stream().collect(Collectors.groupingBy(Conversation::intent,
        () -> new EnumMap<>(Intent.class),
        Collectors.groupingBy(Conversation::lang, () -> new EnumMap<>(Lang.class), Collectors.counting())));
    assertThat(counts).hasSize(Intent.values().length);
    counts.forEach((intent, byLang) -> assertThat(byLang).as(intent.name())
        .containsExactlyInAnyOrderEntriesOf(Map.of(Lang.EN, (long) blocks, Lang.ZH, (long) blocks)));
  }

  @Test
  void shouldMixReplyStylesInTheProportionsOfTheOptions() {
    // Given the base mix (80% terse, 20% complete) and an even three-way mix
    SeedCorpus even = new SeedCorpus(CorpusOptions.defaults().withStyleMix(new StyleMix(1, 1, 1)));

    // When
    Map<ReplyStyle, Long> base = styles(BASE.generate(Split.TRAIN, 6_000, 3));
    Map<ReplyStyle, Long> thirds = styles(even.generate(Split.TRAIN, 6_000, 3));

    // Then
    assertThat(base.get(ReplyStyle.TERSE) / 6_000.0).isCloseTo(0.8, within(0.03));
    assertThat(base.get(ReplyStyle.COMPLETE) / 6_000.0).isCloseTo(0.2, within(0.03));
    assertThat(base).doesNotContainKey(ReplyStyle.WRONG);
    thirds.values().forEach(n -> assertThat(n / 6_000.0).isCloseTo(1 / 3.0, within(0.03)));
    assertThat(styles(new SeedCorpus(CorpusOptions.defaults().withStyleMix(StyleMix.only(ReplyStyle.COMPLETE)))
        .generate(Split.HELD_OUT, 500, 3))).containsOnlyKeys(ReplyStyle.COMPLETE);
  }

  @Test
  void shouldOpenSomeConversationsWithEarlierTurns() {
    // Given the default context rate
    List<Conversation> corpus = BASE.generate(Split.TRAIN, 6_000, 5);
    TemplateCatalog catalog = TemplateCatalog.standard();
    Set<String> orderQuestions = texts(catalog.orderQuestions(Lang.EN), catalog.orderQuestions(Lang.ZH));
    Set<String> greetingAnswers = texts(catalog.greetingAnswers(Lang.EN), catalog.greetingAnswers(Lang.ZH));

    // When
    List<Conversation> withContext = corpus.stream().filter(c -> !c.context().isEmpty()).toList();

    // Then about 35% have two earlier turns, customer then agent, of all three kinds
    assertThat(withContext.size() / 6_000.0).isCloseTo(CorpusOptions.DEFAULT_CONTEXT_RATE, within(0.03));
    assertThat(withContext).allSatisfy(c -> {
      assertThat(c.context()).extracting(Turn::role).containsExactly(Turn.Role.CUSTOMER, Turn.Role.AGENT);
      assertThat(c.context()).allSatisfy(t -> assertThat(t.text()).isNotBlank());
    });
    Predicate<Conversation> asked = c -> orderQuestions.contains(c.context().get(1).text());
    Predicate<Conversation> greeted = c -> greetingAnswers.contains(c.context().get(1).text());
    assertThat(withContext.stream().filter(asked)).hasSizeGreaterThan(100)
        .allSatisfy(c -> assertThat(c.intent().aboutAnOrder()).isTrue())
        .allSatisfy(c -> assertThat(c.customerMessage()).contains(c.slots().get(Slot.ORDER)));
    assertThat(withContext.stream().filter(greeted)).hasSizeGreaterThan(300);
    assertThat(withContext.stream().filter(asked.negate().and(greeted.negate()))).hasSizeGreaterThan(300);
    assertThat(new SeedCorpus(new CorpusOptions(StyleMix.BASE, 0)).generate(Split.TRAIN, 500, 5))
        .allSatisfy(c -> assertThat(c.context()).isEmpty());
  }

  @Test
  void shouldRecordOnlyTheSlotsTheCustomerMentioned() {
    List<Conversation> corpus = BASE.generate(Split.TRAIN, 3_000, 9);

    assertThat(corpus).allSatisfy(c -> {
      String customerText = c.customerMessage() + " " + c.context().stream()
          .filter(t -> t.role() == Turn.Role.CUSTOMER).map(Turn::text).collect(Collectors.joining(" "));
      c.slots().forEach((slot, value) -> assertThat(customerText.toLowerCase()).as(c.id() + " " + slot)
          .contains(value.toLowerCase()));
    });
    assertThat(corpus.stream().filter(c -> c.orderNumber().isPresent()).count()).isGreaterThan(600);
    assertThat(corpus.stream().filter(c -> c.orderNumber().isEmpty()).count()).isGreaterThan(1_500);
    assertThat(corpus).flatExtracting(c -> c.slots().keySet()).contains(Slot.values());
  }

  @Test
  void shouldWriteOrderNumbersAsOrdFollowedByEightDigits() {
    assertThat(BASE.generate(Split.TRAIN, 2_000, 11)).flatExtracting(c -> c.orderNumber().stream().toList())
        .isNotEmpty().allSatisfy(order -> assertThat(order).matches("ORD-\\d{8}"));
    assertThat(BASE.generate(Split.HELD_OUT, 2_000, 11)).flatExtracting(c -> c.orderNumber().stream().toList())
        .isNotEmpty().allSatisfy(order -> assertThat(order).matches("ORD-\\d{8}"));
  }

  @Test
  void shouldKeepRepliesWithinTheLengthATinyModelCanLearn() {
    // Given every style in both splits
    SeedCorpus even = new SeedCorpus(CorpusOptions.defaults().withStyleMix(new StyleMix(1, 1, 1)));

    for (Split split : Split.values()) {
      // When
      List<Conversation> corpus = even.generate(split, 6_000, 13);

      // Then
      assertThat(corpus).allSatisfy(c -> assertThat(c.reply().length()).as(c.reply())
          .isBetween(2, c.lang() == Lang.EN ? 230 : 100));
    }
  }

  @Test
  void shouldOpenEveryCompleteReplyWithOneOfItsIntentsTerseRepliesAndThenAddTheDetail() {
    // Given the complete replies of both splits
    TemplateCatalog catalog = TemplateCatalog.standard();
    SeedCorpus complete = new SeedCorpus(CorpusOptions.defaults().withStyleMix(StyleMix.only(ReplyStyle.COMPLETE)));

    for (Split split : Split.values()) {
      // When
      List<Conversation> corpus = complete.generate(split, 2_000, 5);

      // Then each is a terse reply of its own intent, then (after a space in English) a complete line filled with the
      // customer's slots: the opening alone is vague, the whole reply concrete
      assertThat(corpus).allSatisfy(c -> {
        List<String> openings = catalog.replies(c.intent(), c.lang(), ReplyStyle.TERSE).stream()
            .map(t -> t.fill(Map.of())).toList();
        String opening = openings.stream().filter(c.reply()::startsWith).findFirst().orElse(null);
        assertThat(opening).as(c.reply()).isNotNull();
        String detail = c.reply().substring(opening.length());
        assertThat(catalog.replies(c.intent(), c.lang(), ReplyStyle.COMPLETE).stream()
            .filter(t -> t.fitsWithin(c.slots().keySet()))
            .map(t -> (c.lang() == Lang.EN ? " " : "") + t.fill(c.slots())))
            .as(c.reply()).contains(detail);
        assertThat(JUDGE.hasConcreteNextStep(c.intent(), c.lang(), opening)).as(opening).isFalse();
        assertThat(JUDGE.hasConcreteNextStep(c.intent(), c.lang(), c.reply())).as(c.reply()).isTrue();
      });
    }
  }

  @Test
  void shouldKeepChineseTextIntactFromResourceToConversation() {
    // Given the Chinese templates read from the jar
    List<Template> terse = TemplateCatalog.standard().replies(Intent.ORDER_STATUS, Lang.ZH, ReplyStyle.TERSE);

    // When
    List<Conversation> chinese = BASE.generate(Split.TRAIN, SeedCorpus.BLOCK * 24, 17).stream()
        .filter(c -> c.lang() == Lang.ZH).toList();

    // Then the text is exactly what the file says, and every turn is Han script that survives UTF-8
    assertThat(terse.get(0).text()).isEqualTo("您的订单正在运输途中。");
    assertThat(chinese).hasSize(SeedCorpus.BLOCK * 12).allSatisfy(c -> {
      for (String text : List.of(c.customerMessage(), c.reply())) {
        assertThat(text).doesNotContain("\uFFFD").doesNotContain("?");
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
      }
      assertThat(c.reply().codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
          .hasSizeGreaterThan(2);
    });
  }

  @Test
  void shouldWriteAnotherReplyOfAnyStyleForAGivenConversation() {
    // Given a conversation whose customer gave an order number
    Conversation conversation = BASE.generate(Split.HELD_OUT, 400, 19).stream()
        .filter(c -> c.orderNumber().isPresent() && c.style() == ReplyStyle.TERSE).findFirst().orElseThrow();
    ReplyJudge judge = new ReplyJudge();

    // When
    String complete = BASE.reply(conversation, ReplyStyle.COMPLETE, 1);
    String wrong = BASE.reply(conversation, ReplyStyle.WRONG, 1);

    // Then
    assertThat(BASE.reply(conversation, ReplyStyle.COMPLETE, 1)).isEqualTo(complete);
    assertThat(complete).contains(conversation.orderNumber().orElseThrow());
    assertThat(judge.addresses(conversation.intent(), complete)).isTrue();
    assertThat(judge.addresses(conversation.intent(), wrong)).isFalse();
  }

  @Test
  void shouldRejectImpossibleArgumentsWithPreciseMessages() {
    assertThatThrownBy(() -> BASE.generate(Split.TRAIN, -1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 0, was -1");
    assertThatThrownBy(() -> BASE.conversation(Split.TRAIN, 0, -5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must be >= 0, was -5");
    assertThatThrownBy(() -> new StyleMix(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("style weights must be finite, non-negative and not all zero, were terse 0.0, complete 0.0, "
            + "wrong 0.0");
    assertThatThrownBy(() -> new CorpusOptions(StyleMix.BASE, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextRate must be a probability in [0, 1], was 1.5");
  }

  private static Map<ReplyStyle, Long> styles(List<Conversation> corpus) {
    return corpus.stream().collect(Collectors.groupingBy(Conversation::style, HashMap::new, Collectors.counting()));
  }

  @SafeVarargs
  private static Set<String> texts(List<Template>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).map(Template::text).collect(Collectors.toSet());
  }
}
