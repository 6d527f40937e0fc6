package io.kefu.poison.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.poison.cases.Expected;
import org.junit.jupiter.api.Test;

class CaseJudgeTest {

  @Test
  void shouldAcceptAReplyOrAHandoffOfAnyReasonAsAnAnswerButNotTwoOutcomes() {
    assertThat(CaseJudge.matches(Expected.answered(), "REPLY")).isTrue();
    assertThat(CaseJudge.matches(Expected.answered(), "HANDOFF LOW_CONFIDENCE")).isTrue();
    assertThat(CaseJudge.matches(Expected.answered(), "REPLY + REPLY")).isFalse();
    assertThat(CaseJudge.matches(Expected.answered(), "HANDOFF LOW_CONFIDENCE + DLQ EMPTY_TEXT")).isFalse();
    assertThat(CaseJudge.matches(Expected.answered(), "NOTHING")).isFalse();
  }

  @Test
  void shouldAcceptOnlyTheExactDeadLetterReasonOrHandoffReason() {
    assertThat(CaseJudge.matches(Expected.dlq("WRONG_MAGIC_BYTE"), "DLQ WRONG_MAGIC_BYTE")).isTrue();
    assertThat(CaseJudge.matches(Expected.dlq("WRONG_MAGIC_BYTE"), "DLQ DESERIALIZATION_FAILED")).isFalse();
    assertThat(CaseJudge.matches(Expected.dlq("EMPTY_TEXT"), "DLQ EMPTY_TEXT + REPLY")).isFalse();
    assertThat(CaseJudge.matches(Expected.handoff("CUSTOMER_ASKED"), "HANDOFF LOW_CONFIDENCE")).isFalse();
  }

  @Test
  void shouldAcceptOneExampleWithTheRatingsStarsAndTheDuplicateVerdicts() {
    assertThat(CaseJudge.matches(Expected.trainingExample(), "EXAMPLE")).isTrue();
    assertThat(CaseJudge.matches(Expected.trainingExample(), "EXAMPLE rating=5")).isFalse();
    assertThat(CaseJudge.matches(Expected.skippedDuplicate(), "SKIPPED_DUPLICATE")).isTrue();
    assertThat(CaseJudge.matches(Expected.ignoredDuplicate(), "EXAMPLE + EXAMPLE")).isFalse();
  }
}
