package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateFileParserTest {

  @Test
  void shouldReadSectionsKindsAndPlaceholders() {
    // Given
    List<String> lines = List.of("# comment", "", "== REFUND", "train | Refund {order} please", "terse | Refund noted.");

    // When
    Map<String, Map<String, List<Template>>> sections = TemplateFileParser.parse("t.txt", lines);

    // Then
    Template train = sections.get("REFUND").get("train").get(0);
    assertThat(train.text()).isEqualTo("Refund {order} please");
    assertThat(train.slots()).containsExactly(Slot.ORDER);
    assertThat(train.origin()).isEqualTo("t.txt:4");
    assertThat(train.fill(Map.of(Slot.ORDER, "ORD-00000001"))).isEqualTo("Refund ORD-00000001 please");
    assertThat(sections.get("REFUND").get("terse").get(0).slots()).isEmpty();
  }

  @Test
  void shouldNameTheFileAndLineOfEveryMistake() {
    assertThatThrownBy(() -> TemplateFileParser.parse("t.txt", List.of("train | orphan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.txt:1: expected 'kind | text' inside a '== SECTION', was 'train | orphan'");
    assertThatThrownBy(() -> TemplateFileParser.parse("t.txt", List.of("== REFUND", "train | Refund {oder}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.txt:2: unknown slot 'oder', expected one of order, product, amount, date, city, promo, email");
    assertThatThrownBy(() -> TemplateFileParser.parse("t.txt", List.of("== REFUND", "tersee | Noted.")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.txt:2: kind must be one of");
    assertThatThrownBy(() -> TemplateFileParser.parse("t.txt", List.of("== REFUND", "== REFUND")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.txt:2: section name must be new and non-empty, was 'REFUND'");
  }

  @Test
  void shouldRefuseACatalogueThatLacksAnIntent() {
    Map<Lang, Map<String, Map<String, List<Template>>>> empty = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      empty.put(lang, TemplateFileParser.parse(lang.name(), List.of("== @greeting", "train | hi")));
    }

    assertThatThrownBy(() -> new TemplateCatalog(empty)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no template section ORDER_STATUS for EN");
  }

  @Test
  void shouldShipTwentyTrainAndFourHeldOutPhrasingsAndThreeRepliesOfEachStylePerIntentAndLanguage() {
    TemplateCatalog catalog = TemplateCatalog.standard();
    for (Lang lang : Lang.values()) {
      for (Intent intent : Intent.values()) {
        String where = lang + " " + intent;
        assertThat(catalog.customer(intent, lang, Split.TRAIN)).as(where).hasSizeGreaterThanOrEqualTo(20);
        assertThat(catalog.customer(intent, lang, Split.HELD_OUT)).as(where).hasSizeGreaterThanOrEqualTo(4);
        assertThat(catalog.replies(intent, lang, ReplyStyle.TERSE)).as(where).hasSizeGreaterThanOrEqualTo(3)
            .allSatisfy(t -> assertThat(t.slots()).isEmpty());
        assertThat(catalog.replies(intent, lang, ReplyStyle.COMPLETE)).as(where).hasSizeGreaterThanOrEqualTo(3);
      }
    }
    assertThat(catalog.replies(Intent.REFUND, Lang.EN, ReplyStyle.COMPLETE))
        .anySatisfy(t -> assertThat(t.slots()).isEqualTo(Set.of(Slot.ORDER, Slot.AMOUNT)));
  }
}
