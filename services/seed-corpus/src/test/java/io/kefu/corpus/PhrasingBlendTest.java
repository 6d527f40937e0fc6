package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Blended train phrasings: new sentences made only of two train phrasings' pieces, never touching held-out. */
class PhrasingBlendTest {

  private static final Map<Lang, Set<String>> TRAIN_TEMPLATES = trainTemplates();
  private static final Template FIRST = Template.parse("Is the {product} waterproof?", "first");
  private static final Template SECOND = Template.parse("Can I use the {product} in the rain?", "second");

  @Test
  void shouldSpliceTheStartOfOnePhrasingOntoTheEndOfTheOtherOrPutThemInARow() {
    // Given two English phrasings of one intent
    List<String> head = PhrasingBlend.units(FIRST.text(), Lang.EN);
    List<String> tail = PhrasingBlend.units(SECOND.text(), Lang.EN);
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      // When they are blended with many seeds
      Template blend = PhrasingBlend.blend(FIRST, SECOND, Lang.EN, new Random(seed));
      seen.add(blend.text());
      // Then each blend is both in a row, or a non-empty start of the first and a non-empty end of the second,
      // and records exactly the placeholders left in it
      List<String> units = PhrasingBlend.units(blend.text(), Lang.EN);
      boolean inARow = blend.text().equals(FIRST.text() + " " + SECOND.text());
      assertThat(inARow || isSplice(units, head, tail)).as(blend.text()).isTrue();
      assertThat(blend.slots()).isSubsetOf(Slot.PRODUCT).isEqualTo(Template.parse(blend.text(), "again").slots());
    }
    // And the seeds give several different blends
    assertThat(seen).contains("Is the {product} waterproof? Can I use the {product} in the rain?")
        .hasSizeGreaterThan(3);
  }

  @Test
  void shouldKeepPlaceholdersAndLatinWordsWholeInChinese() {
    // Given a Chinese phrasing with a placeholder and a Latin word
    // When it is cut into units
    List<String> units = PhrasingBlend.units("订单{order}的iPhone壳坏了", Lang.ZH);
    // Then the placeholder and the word are single units and every other character is its own
    assertThat(units).containsExactly("订", "单", "{order}", "的", "iPhone", "壳", "坏", "了");
  }

  @Test
  void shouldBlendOnlyTrainConversationsAndLeaveTheHeldOutSplitUntouched() {
    // Given a corpus that never blends and one that blends at the default rate
    SeedCorpus plain = new SeedCorpus(CorpusOptions.defaults().withBlendRate(0));
    SeedCorpus blended = SeedCorpus.withDefaults();
    // When both generate the same splits from the same seed
    List<Conversation> plainTrain = plain.generate(Split.TRAIN, 2_000, 3);
    List<Conversation> blendedTrain = blended.generate(Split.TRAIN, 2_000, 3);
    // Then the held-out split is identical
    assertThat(messages(blended.generate(Split.HELD_OUT, 2_000, 3)))
        .isEqualTo(messages(plain.generate(Split.HELD_OUT, 2_000, 3)));
    // And without blending every train message is one template, with blending about a third are new sentences
    assertThat(plainTrain.stream().filter(c -> !isOneTemplate(c)).toList()).isEmpty();
    long fresh = blendedTrain.stream().filter(c -> !isOneTemplate(c)).count();
    assertThat(fresh / 2_000.0).isBetween(0.25, 0.40);
  }

  /** True when the last message, with its slot values put back as placeholders, is one train template. */
  private static boolean isOneTemplate(Conversation conversation) {
    String message = conversation.customerMessage();
    for (var slot : conversation.slots().entrySet()) {
      message = message.replace(slot.getValue(), slot.getKey().placeholder());
    }
    return TRAIN_TEMPLATES.get(conversation.lang()).contains(TemplateCatalog.normalized(message));
  }

  private static Map<Lang, Set<String>> trainTemplates() {
    TemplateCatalog catalog = TemplateCatalog.standard();
    Map<Lang, Set<String>> byLang = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      Set<String> templates = new HashSet<>();
      for (Intent intent : Intent.values()) {
        catalog.customer(intent, lang, Split.TRAIN).forEach(t -> templates.add(TemplateCatalog.normalized(t.text())));
      }
      catalog.orderAnswers(lang, Split.TRAIN).forEach(t -> templates.add(TemplateCatalog.normalized(t.text())));
      byLang.put(lang, Set.copyOf(templates));
    }
    return Map.copyOf(byLang);
  }

  @Test
  void shouldBlendInTheBaseCorpusButNotForCustomersBuiltFromAStyleMixAndAContextRate() {
    assertThat(CorpusOptions.defaults().blendRate()).isEqualTo(CorpusOptions.DEFAULT_BLEND_RATE).isEqualTo(0.35);
    assertThat(new CorpusOptions(StyleMix.BASE, 0.35).blendRate()).isZero();
  }

  @Test
  void shouldRejectABlendRateThatIsNotAProbability() {
    assertThatThrownBy(() -> CorpusOptions.defaults().withBlendRate(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("blendRate must be a probability in [0, 1], was -0.1");
  }

  /** True when {@code units} is a non-empty proper start of {@code head} followed by a proper end of {@code tail}. */
  private static boolean isSplice(List<String> units, List<String> head, List<String> tail) {
    for (int k = 1; k < head.size(); k++) {
      for (int j = 1; j < tail.size(); j++) {
        List<String> spliced = new ArrayList<>(head.subList(0, k));
        spliced.addAll(tail.subList(j, tail.size()));
        if (spliced.equals(units)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> messages(List<Conversation> conversations) {
    List<String> out = new ArrayList<>();
    conversations.forEach(c -> out.add(c.customerMessage()));
    return out;
  }
}
