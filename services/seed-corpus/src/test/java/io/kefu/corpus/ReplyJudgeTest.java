package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyJudgeTest {

  private final ReplyJudge judge = new ReplyJudge();

  @Test
  void shouldJudgeEveryReplyTheCorpusWritesCorrectly() {
    // Given every style, both splits and both languages
    SeedCorpus even = new SeedCorpus(CorpusOptions.defaults().withStyleMix(new StyleMix(1, 1, 1)));
    List<Conversation> corpus = new ArrayList<>(even.generate(Split.TRAIN, 6_000, 31));
    corpus.addAll(even.generate(Split.HELD_OUT, 6_000, 31));

    // Then terse and complete replies address their intent and wrong ones do not; all end properly
    assertThat(corpus).allSatisfy(c -> {
      String why = c.id() + " " + c.intent() + " " + c.style() + ": " + c.reply();
      assertThat(judge.endsProperly(c.reply())).as(why).isTrue();
      switch (c.style()) {
        case TERSE -> {
          assertThat(judge.classify(c.reply())).as(why).contains(c.intent());
          assertThat(judge.hasConcreteNextStep(c.intent(), c.lang(), c.reply())).as(why).isFalse();
          assertThat(judge.mentionsOrderNumber(c.reply(), c.slots())).as(why).isFalse();
        }
        case COMPLETE -> {
          assertThat(judge.classify(c.reply())).as(why).contains(c.intent());
          assertThat(judge.hasConcreteNextStep(c.intent(), c.lang(), c.reply())).as(why).isTrue();
          assertThat(judge.mentionsOrderNumber(c.reply(), c.slots())).as(why).isEqualTo(c.orderNumber().isPresent());
        }
        case WRONG -> {
          assertThat(judge.classify(c.reply())).as(why).isPresent().isNotEqualTo(Optional.of(c.intent()));
          assertThat(judge.addresses(c.intent(), c.reply())).as(why).isFalse();
          assertThat(judge.hasConcreteNextStep(c.intent(), c.lang(), c.reply())).as(why).isFalse();
        }
      }
    });
    assertThat(corpus).extracting(Conversation::style).contains(ReplyStyle.values());
  }

  @Test
  void shouldFindItsOwnIntentsKeywordAndNoOtherInEveryReplyTemplate() {
    // Given every reply template, filled with the longest values either split can draw
    TemplateCatalog catalog = TemplateCatalog.standard();
    for (Lang lang : Lang.values()) {
      for (Map<Slot, String> values : List.of(longestValues(Split.TRAIN, lang), longestValues(Split.HELD_OUT, lang))) {
        for (Intent intent : Intent.values()) {
          for (ReplyStyle style : List.of(ReplyStyle.TERSE, ReplyStyle.COMPLETE)) {
            for (Template template : catalog.replies(intent, lang, style)) {
              String reply = template.fill(values);

              // Then it classifies to its intent, ends properly, fits the length bound, and is as concrete as its style
              String why = template.origin() + ": " + reply;
              assertThat(judge.classify(reply)).as(why).contains(intent);
              assertThat(judge.endsProperly(reply)).as(why).isTrue();
              assertThat(reply.length()).as(why).isLessThanOrEqualTo(lang == Lang.EN ? 160 : 70);
              assertThat(judge.hasConcreteNextStep(intent, lang, reply)).as(why)
                  .isEqualTo(style == ReplyStyle.COMPLETE);
              for (Intent other : Intent.values()) {
                if (other != intent) {
                  assertThat(judge.keywords(other)).as(why + " holds a keyword of " + other)
                      .noneMatch(keyword -> reply.toLowerCase().contains(keyword));
                }
              }
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" ends properly: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Your refund is on its way.|true",
      "Is it on its way?|true",
      "Done!|true",
      "请在登录页点“忘记密码。”|true",
      "Your order is on its way (ORD-12345678.)|true",
      "退款已处理。|true",
      "已为您办理退款（订单ORD-12345678）。|true",
      "订单ORD-10000000正在运输途中！|true",
      "Our store is open 10:00-21:00.|true",
      "I've issued a refund of $49.99 for|false",
      "I've issued a refund of $49.99 for ord|false",
      "已为您办理退款，3-5个工作|false",
      "ok ok ok ok.|false",
      "Your order is on its way on its way on its way.|false",
      "谢谢谢谢谢谢。|false",
      "Bad \uFFFD byte.|false",
      "`   `|false",
      "``|false",
  })
  void shouldTellAFinishedSentenceFromACutOffOrLoopingOne(String reply, boolean expected) {
    assertThat(judge.endsProperly(reply)).isEqualTo(expected);
  }

  @Test
  void shouldRejectMultiLineAndNullReplies() {
    assertThat(judge.endsProperly("Line one.\nLine two.")).isFalse();
    assertThat(judge.endsProperly(null)).isFalse();
  }

  @Test
  void shouldClassifyByTheMostSpecificKeywordsAndGiveUpOnATie() {
    assertThat(judge.classify("Your subscription is cancelled.")).contains(Intent.CANCEL_SUBSCRIPTION);
    assertThat(judge.classify("REFUND ISSUED.")).contains(Intent.REFUND);
    assertThat(judge.classify("已为您办理退款。")).contains(Intent.REFUND);
    assertThat(judge.classify("Your refund and your return.")).isEmpty();
    assertThat(judge.classify("The weather is nice today.")).isEmpty();
    assertThat(judge.addresses(Intent.REFUND, "Your order is on its way.")).isFalse();
  }

  @Test
  void shouldFindTheOrderNumberOnlyWhenItIsWrittenWhole() {
    Map<Slot, String> slots = Map.of(Slot.ORDER, "ORD-12345678");

    assertThat(judge.mentionsOrderNumber("Order ORD-12345678 is on its way.", slots)).isTrue();
    assertThat(judge.mentionsOrderNumber("订单ORD-12345678已发货。", slots)).isTrue();
    assertThat(judge.mentionsOrderNumber("order ord-12345678 is on its way.", slots)).isTrue();
    assertThat(judge.mentionsOrderNumber("Order ORD-123456789 is on its way.", slots)).isFalse();
    assertThat(judge.mentionsOrderNumber("Order ORD-1234567 is on its way.", slots)).isFalse();
    assertThat(judge.mentionsOrderNumber("Order XORD-12345678 is on its way.", slots)).isFalse();
    assertThat(judge.mentionsOrderNumber("Order ORD-12345678 is on its way.", Map.of())).isFalse();
  }

  @Test
  void shouldCountATimeFrameOrAnActionTakenAsAConcreteNextStep() {
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.EN, "I've started your refund.")).isTrue();
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.EN, "Your refund arrives in 3-5 business days.")).isTrue();
    assertThat(judge.hasConcreteNextStep(Intent.STORE_HOURS, Lang.EN, "The store opens at 10:00.")).isTrue();
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.ZH, "退款将在3个工作日内到账。")).isTrue();
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.ZH, "已为您提交退款。")).isTrue();
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.EN, "We're processing your refund.")).isFalse();
    assertThat(judge.hasConcreteNextStep(Intent.REFUND, Lang.ZH, "我们正在处理您的退款。")).isFalse();
    assertThat(judge.hasConcreteNextStep(Intent.RETURN, Lang.EN, "I've started your refund.")).isFalse();
  }

  /** The longest value of every slot over many draws, the worst case for reply length. */
  private static Map<Slot, String> longestValues(Split split, Lang lang) {
    Random random = new Random(3);
    Map<Slot, String> longest = new EnumMap<>(Slot.class);
    for (int i = 0; i < 5_000; i++) {
      SlotPools.draw(split, lang, random).forEach((slot, value) -> longest.merge(slot, value,
          (a, b) -> b.length() > a.length() ? b : a));
    }
    return longest;
  }
}
