package io.kefu.finetune;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.ReplyCheck;
import io.kefu.model.bench.SeedJudge;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.SeedExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seed corpus as the fine-tuner's base corpus: the replay sample is drawn from the first {@code replayPool}
 * training conversations of {@code corpusSeed} (the ones {@code kefu train-base} trains on with the same seed and
 * size), the held-out set is the first {@code heldOutCount} held-out conversations of that seed (balanced over
 * intents and languages), and the judge is {@code kefu eval}'s ({@link SeedJudge}).
 */
public final class SeedBaseCorpus implements BaseCorpus {
  private final SeedCorpus corpus = SeedCorpus.withDefaults();
  private final long corpusSeed;
  private final int replayPool;
  private final List<ReplyExample> heldOutExamples;
  private final List<EvalCase> heldOutCases;
  private final ReplyCheck judge = new SeedJudge();

  /**
   * The base corpus of {@code corpusSeed}.
   *
   * @param replayPool training conversations the replay sample is drawn from
   * @param heldOutCount held-out conversations for the gate
   */
  public SeedBaseCorpus(long corpusSeed, int replayPool, int heldOutCount) {
    if (replayPool < 1) {
      throw new IllegalArgumentException("replay pool must hold at least 1 conversation, was " + replayPool);
    }
    if (heldOutCount < 1) {
      throw new IllegalArgumentException("held-out set must hold at least 1 conversation, was " + heldOutCount);
    }
    this.corpusSeed = corpusSeed;
    this.replayPool = replayPool;
    List<Conversation> heldOut = corpus.generate(Split.HELD_OUT, heldOutCount, corpusSeed);
    this.heldOutExamples = List.copyOf(SeedExamples.from(heldOut));
    this.heldOutCases = heldOut.stream()
        .map(c -> new EvalCase(c.intent().name(), c.lang().name(), SeedExamples.context(c.context()),
            c.customerMessage()))
        .toList();
  }

  /**
   * The base corpus of the {@code finetune.corpus.seed} and {@code finetune.replay.pool} settings, holding the gate's
   * eval cases and the early stop's validation cases.
   */
  public static SeedBaseCorpus fromConfig(KefuConfig config) {
    return new SeedBaseCorpus(config.getLong(FineTuneSettings.CORPUS_SEED), config.getInt(FineTuneSettings.REPLAY_POOL),
        config.getInt(FineTuneSettings.EVAL_CASES) + config.getInt(FineTuneSettings.VALIDATION_CASES));
  }

  @Override
  public List<ReplyExample> replaySample(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("replay sample size must be >= 0, was " + count);
    }
    Random random = new Random(seed);
    List<Conversation> drawn = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      drawn.add(corpus.conversation(Split.TRAIN, corpusSeed, random.nextInt(replayPool)));
    }
    return SeedExamples.from(drawn);
  }

  @Override
  public List<ReplyExample> heldOutExamples() {
    return heldOutExamples;
  }

  @Override
  public List<EvalCase> heldOutCases() {
    return heldOutCases;
  }

  @Override
  public ReplyCheck replyCheck() {
    return judge;
  }
}
