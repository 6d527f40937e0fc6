package io.kefu.finetune;

import io.kefu.contract.ExampleSource;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.corpus.HumanRequestDetector;
import io.kefu.lifecycle.canary.CanaryRouter;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.LossScope;
import io.kefu.model.train.ReplyExample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds a run's training set from new examples: each example's weight comes from its rating (set by the feedback
 * stream: 4-5 stars positive, 1-2 stars negative, 3 stars zero, human replies their own weight); a human operator's
 * reply to a customer who asked for a person is left out (the reply service hands such messages to a person without
 * asking the model, so the model never needs that reply, and its "a colleague will join" sentence would be learned as
 * the detail to add to every other intent's reply); negatives rated at
 * most {@code negativeMaxStars} are kept for unlikelihood (scaled), other negatives and weight-0 examples are left out
 * (a 2-star reply is often on the right topic yet unhelpful, and token-level unlikelihood on it also pushes down the
 * topic's own words); a stable share of examples (by hash of exampleId) is held out for the gate; and a replay sample
 * of the base corpus is mixed in, with the loss on the whole replayed reply or on its opening sentence only
 * ({@link LossScope#OPENING}: replay then keeps which intent to answer and leaves how much to say to the ratings).
 */
public final class TrainingSetBuilder {
  private final NegativeMode negatives;
  private final int negativeMaxStars;
  private final double negativeScale;
  private final double replayRatio;
  private final LossScope replayLoss;
  private final double heldOutShare;
  private final long seed;

  /**
   * A builder.
   *
   * @param negatives what negatives become
   * @param negativeMaxStars the highest rating whose (negative-weight) reply becomes an unlikelihood negative; rated
   *     negatives above it are left out (1: only 1-star replies, 2: 1-2 star replies)
   * @param negativeScale multiplies a negative's weight
   * @param replayRatio base-corpus examples replayed per new training example
   * @param replayLoss which tokens of a replayed reply carry loss
   * @param heldOutShare share of new examples held out for the gate
   * @param seed seed of the replay sample
   */
  public TrainingSetBuilder(NegativeMode negatives, int negativeMaxStars, double negativeScale, double replayRatio,
      LossScope replayLoss, double heldOutShare, long seed) {
    if (negativeMaxStars < 1 || negativeMaxStars > 2) {
      throw new IllegalArgumentException("negative max stars must be 1 or 2, was " + negativeMaxStars);
    }
    if (!(negativeScale > 0)) {
      throw new IllegalArgumentException("negative scale must be > 0, was " + negativeScale);
    }
    if (!(replayRatio >= 0)) {
      throw new IllegalArgumentException("replay ratio must be >= 0, was " + replayRatio);
    }
    if (!(heldOutShare >= 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("held-out share must be in [0, 1), was " + heldOutShare);
    }
    this.negatives = negatives;
    this.negativeMaxStars = negativeMaxStars;
    this.negativeScale = negativeScale;
    this.replayRatio = replayRatio;
    this.replayLoss = Objects.requireNonNull(replayLoss, "replayLoss");
    this.heldOutShare = heldOutShare;
    this.seed = seed;
  }

  /** Whether the example with this id is held out of training (stable across runs and restarts). */
  public boolean isHeldOut(String exampleId) {
    return CanaryRouter.unitHash("heldout:" + exampleId) < heldOutShare;
  }

  /** The training set of {@code examples}, with replay drawn from {@code corpus}. */
  public TrainingSet build(Collection<TrainingExample> examples, BaseCorpus corpus) {
    List<TrainingExample> ordered = new ArrayList<>(examples);
    ordered.sort(Comparator.comparing(TrainingExample::getExampleId));
    List<ReplyExample> train = new ArrayList<>();
    List<TrainingExample> heldOut = new ArrayList<>();
    int positives = 0;
    int negativeCount = 0;
    int excluded = 0;
    int human = 0;
    for (TrainingExample example : ordered) {
      if (isHeldOut(example.getExampleId())) {
        heldOut.add(example);
        continue;
      }
      double weight = example.getWeight();
      if (example.getSource() == ExampleSource.HUMAN_REPLY) {
        if (HumanRequestDetector.asksForHuman(example.getCustomerMessage())) {
          excluded++;
          continue;
        }
        human++;
      }
      if (weight > 0) {
        positives++;
        train.add(toReplyExample(example, (float) weight));
      } else if (weight < 0 && negatives == NegativeMode.UNLIKELIHOOD && isNegative(example)) {
        negativeCount++;
        train.add(toReplyExample(example, (float) (weight * negativeScale)));
      } else {
        excluded++;
      }
    }
    int replayCount = (int) Math.round(replayRatio * (positives + negativeCount));
    List<ReplyExample> replay = replayCount == 0 ? List.of() : corpus.replaySample(replayCount, seed);
    if (replayLoss == LossScope.OPENING) {
      replay = replay.stream().map(ReplyExample::openingOnly).toList();
    }
    train.addAll(replay);
    return new TrainingSet(train, heldOut, positives, negativeCount, excluded, human, replay.size());
  }

  /** The {@code finetune.replay.loss} setting: 'opening' or 'whole'. */
  public static LossScope parseReplayLoss(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "opening" -> LossScope.OPENING;
      case "whole" -> LossScope.WHOLE_REPLY;
      default -> throw new IllegalArgumentException(
          "finetune.replay.loss must be 'opening' or 'whole', was '" + value + "'");
    };
  }

  /** Whether a negative-weight example is rated low enough to be learned away from. */
  private boolean isNegative(TrainingExample example) {
    return example.getRating() == null || example.getRating() <= negativeMaxStars;
  }

  /** The trainer's form of an example, with {@code weight}. */
  public static ReplyExample toReplyExample(TrainingExample example, float weight) {
    List<ChatTurn> context = example.getContext().stream()
        .map(turn -> turn.getRole() == Role.AGENT ? ChatTurn.agent(turn.getText()) : ChatTurn.customer(turn.getText()))
        .toList();
    return new ReplyExample(context, example.getCustomerMessage(), example.getReply(), weight);
  }
}
