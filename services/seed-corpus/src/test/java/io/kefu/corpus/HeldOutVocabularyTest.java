package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Held-out phrasings are new sentences, but built only from words that the same intent's train phrasings teach. */
class HeldOutVocabularyTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");

  /** Function words, and the fragments that splitting contractions ("don't", "I'm") leaves behind. */
  private static final Set<String> STOP_WORDS = Set.of(("a an the i me my mine we our us you your yours u it its he"
      + " she they them their this that these those is am are was were be been being do does did done have has had"
      + " having will would can could shall should may might must to of for on in at by with from into about as and"
      + " or but if so than then too very just not no yes any some all what when where why how which who whom there"
      + " here now still yet already again please pls hi hello hey ok s t d ll re ve m didn doesn don isn wasn won"
      + " hasn haven aren couldn dont doesnt cant isnt wont didnt hasnt havent im ive").split(" "));

  /** Chinese particles that may stand alone between two pieces taken from train phrasings. */
  private static final Set<Integer> CHINESE_PARTICLES = "的了吗我你是在有就也还都啊呢吧么".codePoints().boxed()
      .collect(Collectors.toSet());

  private final TemplateCatalog catalog = TemplateCatalog.standard();

  @Test
  void shouldUseOnlyEnglishContentWordsThatTheSameIntentTeachesInTraining() {
    for (Intent intent : Intent.values()) {
      // Given the content words of the intent's English train phrasings
      Set<String> taught = catalog.customer(intent, Lang.EN, Split.TRAIN).stream()
          .flatMap(t -> contentWords(t.text()).stream()).collect(Collectors.toSet());

      // Then every content word of every held-out phrasing is among them
      for (Template held : catalog.customer(intent, Lang.EN, Split.HELD_OUT)) {
        assertThat(contentWords(held.text())).as(held.origin() + " '" + held.text() + "'").isSubsetOf(taught);
      }
    }
  }

  @Test
  void shouldBuildEveryChineseHeldOutPhrasingFromPiecesOfTheSameIntentsTrainPhrasings() {
    for (Intent intent : Intent.values()) {
      // Given the intent's Chinese train phrasings
      List<String> train = catalog.customer(intent, Lang.ZH, Split.TRAIN).stream()
          .map(t -> PLACEHOLDER.matcher(t.text()).replaceAll(" ")).toList();

      // Then every run of Chinese characters of a held-out phrasing splits into pieces of two or more characters
      // found in some train phrasing (every character bigram inside a piece is taught), joined by lone particles
      for (Template held : catalog.customer(intent, Lang.ZH, Split.HELD_OUT)) {
        Matcher run = HAN_RUN.matcher(PLACEHOLDER.matcher(held.text()).replaceAll(" "));
        while (run.find()) {
          assertThat(splitsIntoTaughtPieces(run.group(), train))
              .as(held.origin() + " '" + held.text() + "': '" + run.group() + "' is not made of train pieces")
              .isTrue();
        }
      }
    }
  }

  @Test
  void shouldRejectAHeldOutSynonymThatNoTrainPhrasingUses() {
    // Given train phrasings that say "cancel" but never "void", and the same in Chinese
    Set<String> taught = contentWords("Please cancel my order {order}.");
    List<String> train = List.of("请帮我取消订单");

    // Then a held-out phrasing that says "void" / "作废" is caught, and one recombining taught words passes
    assertThat(contentWords("Void order {order} please")).isNotEqualTo(taught).contains("void");
    assertThat(taught).containsExactlyInAnyOrder("cancel", "order");
    assertThat(contentWords("order {order}: cancel")).isSubsetOf(taught);
    assertThat(splitsIntoTaughtPieces("请帮我作废订单", train)).isFalse();
    assertThat(splitsIntoTaughtPieces("订单取消", train)).isTrue();
  }

  private static Set<String> contentWords(String text) {
    String bare = PLACEHOLDER.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return Arrays.stream(bare.split("[^a-z]+")).filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
        .collect(Collectors.toSet());
  }

  /** Dynamic programming over cut points: a prefix is covered when it ends a taught piece or a lone particle. */
  private static boolean splitsIntoTaughtPieces(String run, List<String> train) {
    int[] chars = run.codePoints().toArray();
    boolean[] covered = new boolean[chars.length + 1];
    covered[0] = true;
    for (int end = 1; end <= chars.length; end++) {
      for (int start = 0; start < end && !covered[end]; start++) {
        if (!covered[start]) {
          continue;
        }
        String piece = new String(chars, start, end - start);
        covered[end] = end - start == 1 ? CHINESE_PARTICLES.contains(chars[start])
            : train.stream().anyMatch(t -> t.contains(piece));
      }
    }
    return covered[chars.length];
  }
}
