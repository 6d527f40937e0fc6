package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

  private static final Pattern ORDER = Pattern.compile("ORD-\\d{8}");
  private static final Pattern AMOUNT = Pattern.compile("[$¥]\\d+\\.\\d{2}");
  private static final Pattern DATE = Pattern.compile("[A-Z][a-z]+ \\d{1,2}\\b|\\d{1,2}月\\d{1,2}日");

  private static List<Conversation> train;
  private static List<Conversation> heldOut;
  private static String trainText;

  @BeforeAll
  static void generateBothSplits() {
    SeedCorpus corpus = new SeedCorpus(CorpusOptions.defaults().withStyleMix(new StyleMix(1, 1, 1)));
    train = corpus.generate(Split.TRAIN, 30_000, 2024);
    heldOut = corpus.generate(Split.HELD_OUT, 5_000, 2024);
    trainText = train.stream().flatMap(HeldOutSplitTest::allText).collect(Collectors.joining("\n"));
  }

  @Test
  void shouldNeverShowAHeldOutCustomerMessageInTraining() {
    // Given every customer turn of a large train sample
    Set<String> trainMessages = train.stream().flatMap(HeldOutSplitTest::customerTurns).collect(Collectors.toSet());

    // When
    List<String> leaked = heldOut.stream().flatMap(HeldOutSplitTest::customerTurns)
        .filter(trainMessages::contains).toList();

    // Then
    assertThat(trainMessages.size()).isGreaterThan(15_000);
    assertThat(leaked).isEmpty();
  }

  @Test
  void shouldShareNoCustomerPhrasingTemplateBetweenTheSplits() {
    TemplateCatalog catalog = TemplateCatalog.standard();
    for (Lang lang : Lang.values()) {
      Set<String> trainTemplates = new HashSet<>();
      Set<String> heldTemplates = new HashSet<>();
      for (Intent intent : Intent.values()) {
        catalog.customer(intent, lang, Split.TRAIN).forEach(t -> trainTemplates.add(TemplateCatalog.normalized(t.text())));
        catalog.customer(intent, lang, Split.HELD_OUT).forEach(t -> heldTemplates.add(TemplateCatalog.normalized(t.text())));
      }
      catalog.orderAnswers(lang, Split.TRAIN).forEach(t -> trainTemplates.add(TemplateCatalog.normalized(t.text())));
      catalog.orderAnswers(lang, Split.HELD_OUT).forEach(t -> heldTemplates.add(TemplateCatalog.normalized(t.text())));

      assertThat(heldTemplates).as(lang.name()).doesNotContainAnyElementsOf(trainTemplates);
    }
  }

  @Test
  void shouldNeverShowAHeldOutOrderNumberAmountOrDateInTraining() {
    // Given the order numbers, amounts and dates written anywhere in the train sample
    Set<String> trainOrders = matches(ORDER, trainText);
    Set<String> trainAmounts = matches(AMOUNT, trainText);
    Set<String> trainDates = matches(DATE, trainText);

    // When
    Map<Slot, Set<String>> held = heldOutValues();

    // Then
    assertThat(trainOrders.size()).isGreaterThan(5_000);
    assertThat(held.get(Slot.ORDER).size()).isGreaterThan(1_000);
    assertThat(intersection(held.get(Slot.ORDER), trainOrders)).isEmpty();
    assertThat(held.get(Slot.AMOUNT).size()).isGreaterThan(100);
    assertThat(intersection(held.get(Slot.AMOUNT), trainAmounts)).isEmpty();
    assertThat(held.get(Slot.DATE).size()).isGreaterThan(50);
    assertThat(intersection(held.get(Slot.DATE), trainDates)).isEmpty();
  }

  @Test
  void shouldNeverShowAHeldOutProductCityCodeOrEmailInTraining() {
    Map<Slot, Set<String>> held = heldOutValues();

    for (Slot slot : List.of(Slot.PRODUCT, Slot.CITY, Slot.PROMO, Slot.EMAIL)) {
      assertThat(held.get(slot).size()).as(slot.name()).isGreaterThan(5);
      assertThat(held.get(slot).stream().filter(trainText::contains)).as(slot.name()).isEmpty();
    }
  }

  @Test
  void shouldDrawSlotValuesFromDisjointPools() {
    // Given many draws from each split's pools
    for (Lang lang : Lang.values()) {
      Map<Slot, Set<String>> trainValues = draws(Split.TRAIN, lang);
      Map<Slot, Set<String>> heldValues = draws(Split.HELD_OUT, lang);

      // Then no slot shares a value
      for (Slot slot : Slot.values()) {
        assertThat(intersection(heldValues.get(slot), trainValues.get(slot))).as(lang + " " + slot).isEmpty();
      }
    }
  }

  /** Plain set intersection; AssertJ's element-by-element comparison is quadratic on sets this large. */
  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }

  private static Map<Slot, Set<String>> draws(Split split, Lang lang) {
    Random random = new Random(1);
    Map<Slot, Set<String>> values = new EnumMap<>(Slot.class);
    for (int i = 0; i < 20_000; i++) {
      SlotPools.draw(split, lang, random).forEach((slot, value) -> values.computeIfAbsent(slot, s -> new HashSet<>())
          .add(value));
    }
    return values;
  }

  private static Map<Slot, Set<String>> heldOutValues() {
    Map<Slot, Set<String>> values = new EnumMap<>(Slot.class);
    heldOut.forEach(c -> c.slots().forEach((slot, value) -> values.computeIfAbsent(slot, s -> new HashSet<>())
        .add(value)));
    return values;
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new HashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static Stream<String> customerTurns(Conversation c) {
    return Stream.concat(c.context().stream().filter(t -> t.role() == Turn.Role.CUSTOMER).map(Turn::text),
        Stream.of(c.customerMessage()));
  }

  private static Stream<String> allText(Conversation c) {
    return Stream.concat(c.context().stream().map(Turn::text), Stream.of(c.customerMessage(), c.reply()));
  }
}
