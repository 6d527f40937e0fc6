package io.kefu.feedback.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.contract.Turn;
import io.kefu.redaction.PiiRedactor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a reply and its rating become a training example. */
class ExampleBuilderTest {
  private static final Instant AT = Instant.parse("2030-03-01T10:00:00Z");
  private final ExampleBuilder builder = new ExampleBuilder(new PiiRedactor(), RatingWeights.defaults(), 1.5);

  private static AgentReply reply(AuthorKind author, List<Turn> context) {
    return AgentReply.newBuilder().setReplyId("r-1").setConversationId("c-1").setInReplyTo("m-1")
        .setText("Your parcel left the warehouse.").setLocale(Locale.ZH).setAuthor(author)
        .setModelVersion(author == AuthorKind.MODEL ? "v7" : null).setContext(context).setCreatedAt(AT).build();
  }

  @Test
  void shouldTakeTheLastCustomerTurnAsTheMessageAndTheTurnsBeforeItAsContext() {
    List<Turn> turns = List.of(new Turn(Role.CUSTOMER, "你好"), new Turn(Role.AGENT, "您好，请问有什么可以帮您？"),
        new Turn(Role.CUSTOMER, "我的包裹在哪里？"), new Turn(Role.AGENT, "请稍等"));
    TrainingExample example =
        builder.build(reply(AuthorKind.MODEL, turns), 4, null, AT.toEpochMilli()).orElseThrow();
    assertThat(example.getCustomerMessage()).isEqualTo("我的包裹在哪里？");
    assertThat(example.getContext()).containsExactly(turns.get(0), turns.get(1));
    assertThat(example.getLocale()).isEqualTo(Locale.ZH);
    assertThat(example.getModelVersion()).isEqualTo("v7");
    assertThat(example.getWeight()).isEqualTo(0.6);
  }

  @Test
  void shouldWeighARatedHumanReplyByTheHumanWeightTimesTheRatingWeight() {
    List<Turn> turns = List.of(new Turn(Role.CUSTOMER, "Where is it?"));
    assertThat(builder.build(reply(AuthorKind.HUMAN, turns), null, null, 0).orElseThrow().getWeight()).isEqualTo(1.5);
    assertThat(builder.build(reply(AuthorKind.HUMAN, turns), 5, null, 0).orElseThrow().getWeight()).isEqualTo(1.5);
    assertThat(builder.build(reply(AuthorKind.HUMAN, turns), 1, null, 0).orElseThrow().getWeight()).isEqualTo(-1.5);
  }

  @Test
  void shouldMakeNoExampleWithoutACustomerTurn() {
    assertThat(builder.build(reply(AuthorKind.MODEL, List.of(new Turn(Role.AGENT, "Hi"))), 5, null, 0)).isEmpty();
  }

  @Test
  void shouldRefuseSystemRepliesAndUnratedModelReplies() {
    List<Turn> turns = List.of(new Turn(Role.CUSTOMER, "Hi"));
    assertThatThrownBy(() -> builder.build(reply(AuthorKind.SYSTEM, turns), 5, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reply r-1 is a SYSTEM holding reply, which is never a training example");
    assertThatThrownBy(() -> builder.build(reply(AuthorKind.MODEL, turns), null, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reply r-1 is a MODEL reply and needs a rating to become an example");
  }
}
