package io.kefu.chaos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.chaos.load.PlannedMessage;
import io.kefu.contract.Locale;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactlyOnceCheckTest {
  private static final List<PlannedMessage> SENT = List.of(message("a", 0), message("b", 0), message("a", 1),
      message("b", 1), message("a", 2));

  @Test
  void shouldFindNothingWrongWhenEveryMessageHasOneAnswerInConversationOrder() {
    // Given one answer per message, conversations interleaved but each in order
    List<Answer> answers = List.of(answer("b", 0), answer("a", 0), answer("a", 1), answer("b", 1), answer("a", 2));

    // When the outputs are checked
    ExactlyOnceReport report = ExactlyOnceCheck.check(SENT, answers, List.of("a-m1"));

    // Then nothing is lost, duplicated or out of order
    assertThat(report).isEqualTo(new ExactlyOnceReport(5, 5, 1, 0, 0, 0, 0, List.of()));
    assertThat(report.exactlyOnce()).isTrue();
  }

  @Test
  void shouldCountALostMessageADuplicateAndAnAnswerToAnUnknownMessage() {
    // Given a missing answer to a-m2, a second answer to b-m0 and an answer to a message never sent
    List<Answer> answers = List.of(answer("a", 0), answer("b", 0), answer("b", 0), answer("a", 1), answer("b", 1),
        new Answer("x", "x-m0", false));

    // When the outputs are checked
    ExactlyOnceReport report = ExactlyOnceCheck.check(SENT, answers, List.of());

    // Then each fault is counted once and named
    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.duplicated()).isEqualTo(1);
    assertThat(report.unexpected()).isEqualTo(1);
    assertThat(report.orderViolations()).isZero();
    assertThat(report.examples()).containsExactlyInAnyOrder("second answer to b-m0",
        "answer to unknown message x-m0", "no answer to a-m2");
    assertThat(report.exactlyOnce()).isFalse();
  }

  @Test
  void shouldCountAnAnswerThatComesBeforeTheAnswerToAnEarlierMessageOfItsConversation() {
    // Given a-m2 answered before a-m1
    List<Answer> answers = List.of(answer("a", 0), answer("b", 0), answer("a", 2), answer("a", 1), answer("b", 1));

    // When the outputs are checked
    ExactlyOnceReport report = ExactlyOnceCheck.check(SENT, answers, List.of());

    // Then one order violation is counted and nothing else
    assertThat(report.orderViolations()).isEqualTo(1);
    assertThat(report.lost()).isZero();
    assertThat(report.duplicated()).isZero();
    assertThat(report.examples()).containsExactly("answer to a-m1 after the answer to message 2 of a");
  }

  @Test
  void shouldCountASecondHandoffOfTheSameMessageAsADuplicate() {
    // Given every message answered once but a-m0 handed off twice
    List<Answer> answers = List.of(answer("a", 0), answer("b", 0), answer("a", 1), answer("b", 1), answer("a", 2));

    // When the outputs are checked
    ExactlyOnceReport report = ExactlyOnceCheck.check(SENT, answers, List.of("a-m0", "a-m0"));

    // Then the second handoff is a duplicate
    assertThat(report.handoffs()).isEqualTo(2);
    assertThat(report.duplicated()).isEqualTo(1);
    assertThat(report.examples()).containsExactly("second handoff of a-m0");
  }

  private static PlannedMessage message(String conversation, int index) {
    return new PlannedMessage(conversation, conversation + "-m" + index, index, "text", Locale.EN);
  }

  private static Answer answer(String conversation, int index) {
    return new Answer(conversation, conversation + "-m" + index, false);
  }
}
