package io.kefu.poison.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoisonCaseTest {
  private static final PoisonBuilder NOTHING = c -> PoisonRecord.of(null, null);

  @Test
  void shouldLabelAnOutcomeWithItsReason() {
    assertThat(Expected.dlq("WRONG_MAGIC_BYTE").label()).isEqualTo("DLQ WRONG_MAGIC_BYTE");
    assertThat(Expected.handoff("CUSTOMER_ASKED").label()).isEqualTo("HANDOFF CUSTOMER_ASKED");
    assertThat(Expected.answered().label()).isEqualTo("ANSWERED");
  }

  @Test
  void shouldRefuseADeadLetterWithoutReasonAndAnAnswerWithOne() {
    assertThatThrownBy(() -> Expected.dlq(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DLQ needs a reason, was  ");
    assertThatThrownBy(() -> new Expected(Outcome.ANSWERED, "X")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ANSWERED takes no reason, was X");
  }

  @Test
  void shouldRefuseAnOutcomeTheTargetTopicCannotHave() {
    assertThatThrownBy(() -> new PoisonCase("a-case", Target.CUSTOMER_MESSAGES, "x", Expected.trainingExample(),
        NOTHING)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case a-case on CUSTOMER_MESSAGES cannot expect TRAINING_EXAMPLE");
    assertThatThrownBy(() -> new PoisonCase("a-case", Target.FEEDBACK, "x", Expected.answered(), NOTHING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("case a-case on FEEDBACK cannot expect ANSWERED");
  }

  @Test
  void shouldRefuseANameThatIsNotLowerCaseWordsJoinedByDashes() {
    assertThatThrownBy(() -> new PoisonCase("Bad Name", Target.FEEDBACK, "x", Expected.dlq("R"), NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("case name must be lower-case words joined by dashes, was 'Bad Name'");
  }

  @Test
  void shouldNotExpectOutputForDuplicates() {
    assertThat(Expected.skippedDuplicate().writesOutput()).isFalse();
    assertThat(Expected.ignoredDuplicate().writesOutput()).isFalse();
    assertThat(Expected.dlq("R").writesOutput()).isTrue();
  }
}
