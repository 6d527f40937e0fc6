package io.kefu.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.ExampleSource;
import io.kefu.contract.TrainingExample;
import io.kefu.model.train.LossScope;
import io.kefu.model.train.ReplyExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetBuilderTest {
  private final TinyCorpus corpus = new TinyCorpus();

  private static List<TrainingExample> oneOfEachRating() {
    List<TrainingExample> examples = new ArrayList<>();
    double[] weights = {-1.0, -0.5, 0.0, 0.6, 1.0};
    for (int rating = 1; rating <= 5; rating++) {
      ReplyExample e = TinyCorpus.example("refund", rating, rating);
      examples.add(TinyCorpus.rated("r" + rating, e, rating, weights[rating - 1]));
    }
    TrainingExample human = TinyCorpus.rated("h1", TinyCorpus.example("cancel", 7, 0), 5, 1.5);
    human.setRating(null);
    human.setSource(ExampleSource.HUMAN_REPLY);
    examples.add(human);
    return examples;
  }

  @Test
  void shouldKeepGoodRepliesAsTargetsAndBadOnesAsScaledUnlikelihoodNegatives() {
    // Given one example of each rating and a human reply, nothing held out, replay 0.5 per example
    TrainingSetBuilder builder = new TrainingSetBuilder(NegativeMode.UNLIKELIHOOD, 2, 0.5, 0.5,
        LossScope.WHOLE_REPLY, 0.0, 1);

    // When the training set is built
    TrainingSet set = builder.build(oneOfEachRating(), corpus);

    // Then 4-5 star and human replies are targets, 1-2 star replies negatives at half weight, 3 stars left out
    List<Float> newWeights = set.train().subList(0, 5).stream().map(ReplyExample::weight).toList();
    assertThat(newWeights).containsExactly(1.5f, -0.5f, -0.25f, 0.6f, 1.0f);
    assertThat(set.positives()).isEqualTo(3);
    assertThat(set.negatives()).isEqualTo(2);
    assertThat(set.excluded()).isEqualTo(1);
    assertThat(set.human()).isEqualTo(1);
    // And round(0.5 * 5) = 3 base-corpus conversations are replayed at weight 1
    assertThat(set.replay()).isEqualTo(3);
    assertThat(set.train().subList(5, 8)).allSatisfy(e -> assertThat(e.weight()).isEqualTo(1f));
  }

  @Test
  void shouldKeepOnlyOneStarRepliesAsNegativesWhenTheNegativeCeilingIsOneStar() {
    // Given a builder whose unlikelihood negatives are 1-star replies only, no replay
    TrainingSetBuilder builder = new TrainingSetBuilder(NegativeMode.UNLIKELIHOOD, 1, 0.5, 0.0,
        LossScope.WHOLE_REPLY, 0.0, 1);

    // When the training set is built from one example of each rating and a human reply
    TrainingSet set = builder.build(oneOfEachRating(), corpus);

    // Then the 1-star reply is a negative at half weight, the 2- and 3-star replies are left out
    assertThat(set.train()).extracting(ReplyExample::weight).containsExactly(1.5f, -0.5f, 0.6f, 1.0f);
    assertThat(set.negatives()).isEqualTo(1);
    assertThat(set.excluded()).isEqualTo(2);
  }

  @Test
  void shouldLeaveNegativesOutInExcludeMode() {
    TrainingSet set = new TrainingSetBuilder(NegativeMode.EXCLUDE, 2, 0.5, 0.0, LossScope.WHOLE_REPLY, 0.0, 1)
        .build(oneOfEachRating(), corpus);
    assertThat(set.train()).extracting(ReplyExample::weight).containsExactly(1.5f, 0.6f, 1.0f);
    assertThat(set.excluded()).isEqualTo(3);
  }

  @Test
  void shouldHoldOutTheSameExamplesOnEveryRun() {
    // Given a 30% held-out share
    TrainingSetBuilder builder = new TrainingSetBuilder(NegativeMode.UNLIKELIHOOD, 1, 0.5, 0.0,
        LossScope.WHOLE_REPLY, 0.3, 1);
    List<TrainingExample> examples = TinyCorpus.goodExamples("x", 1000);

    // When two builds run on the same examples, in different orders
    TrainingSet first = builder.build(examples, corpus);
    List<TrainingExample> reversed = new ArrayList<>(examples);
    java.util.Collections.reverse(reversed);
    TrainingSet second = builder.build(reversed, corpus);

    // Then they hold out the same examples, about 30% of them (4 standard deviations is 5.8 points)
    assertThat(second.heldOut()).isEqualTo(first.heldOut());
    assertThat(first.heldOut().size()).isBetween(242, 358);
    assertThat(first.train()).hasSize(1000 - first.heldOut().size());
  }

  @Test
  void shouldPutTheReplayLossOnEachReplayedReplysOpeningAndKeepNewExamplesWhole() {
    // Given a builder that replays one base conversation per new example with the loss on the opening
    TrainingSetBuilder builder = new TrainingSetBuilder(NegativeMode.EXCLUDE, 1, 0.5, 1.0, LossScope.OPENING, 0.0, 1);

    // When the training set is built from one example of each rating and a human reply
    TrainingSet set = builder.build(oneOfEachRating(), corpus);

    // Then the 3 kept examples learn their whole reply, and the 3 replayed ones their opening only
    assertThat(set.replay()).isEqualTo(3);
    assertThat(set.train()).extracting(ReplyExample::scope).containsExactly(LossScope.WHOLE_REPLY,
        LossScope.WHOLE_REPLY, LossScope.WHOLE_REPLY, LossScope.OPENING, LossScope.OPENING, LossScope.OPENING);
  }

  @Test
  void shouldReadTheReplayLossSettingAndRefuseOtherValuesNamingIt() {
    assertThat(TrainingSetBuilder.parseReplayLoss(" Opening ")).isEqualTo(LossScope.OPENING);
    assertThat(TrainingSetBuilder.parseReplayLoss("whole")).isEqualTo(LossScope.WHOLE_REPLY);
    assertThatThrownBy(() -> TrainingSetBuilder.parseReplayLoss("first"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("finetune.replay.loss must be 'opening' or 'whole', was 'first'");
  }

  @Test
  void shouldLeaveOutAnOperatorsReplyToACustomerWhoAskedForAPerson() {
    // Given two operators' replies: one to a refund question, one to a customer who asked for a person
    TrainingExample refund = TinyCorpus.rated("h1", TinyCorpus.example("refund", 7, 0), 5, 1.5);
    TrainingExample person = TinyCorpus.rated("h2",
        new ReplyExample(List.of(), "I want to talk to a human", "Sure. A colleague will join this chat shortly.", 1f),
        5, 1.5);
    for (TrainingExample human : List.of(refund, person)) {
      human.setRating(null);
      human.setSource(ExampleSource.HUMAN_REPLY);
    }

    // When the training set is built, without replay
    TrainingSet set = new TrainingSetBuilder(NegativeMode.EXCLUDE, 1, 0.5, 0.0, LossScope.WHOLE_REPLY, 0.0, 1)
        .build(List.of(refund, person), corpus);

    // Then only the refund reply is trained on; the other is counted as left out
    assertThat(set.train()).extracting(ReplyExample::message).containsExactly(refund.getCustomerMessage());
    assertThat(set.human()).isEqualTo(1);
    assertThat(set.excluded()).isEqualTo(1);
  }
}
