package io.kefu.finetune;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** Settings of the fine-tuner: when a run starts, how it trains, and what the evaluation gate accepts. */
public final class FineTuneSettings implements SettingsProvider {
  public static final String TRIGGER_EXAMPLES = "finetune.trigger.examples";
  public static final String TRIGGER_INTERVAL = "finetune.trigger.interval";
  public static final String MIN_EXAMPLES = "finetune.min.examples";
  public static final String GROUP_ID = "finetune.group.id";
  public static final String HTTP_PORT = "finetune.http.port";
  public static final String TRANSACTIONAL_ID = "finetune.transactional.id";
  public static final String NEGATIVES = "finetune.negatives";
  public static final String NEGATIVE_MAX_STARS = "finetune.negative.max.stars";
  public static final String NEGATIVE_SCALE = "finetune.negative.scale";
  public static final String REPLAY_RATIO = "finetune.replay.ratio";
  public static final String REPLAY_LOSS = "finetune.replay.loss";
  public static final String HELDOUT_SHARE = "finetune.heldout.share";
  public static final String EPOCHS = "finetune.epochs";
  public static final String MAX_STEPS = "finetune.max.steps";
  public static final String BATCH_SIZE = "finetune.batch.size";
  public static final String LEARNING_RATE = "finetune.learning.rate";
  public static final String TIME_BUDGET = "finetune.time.budget";
  public static final String STAGES = "finetune.stages";
  public static final String EARLY_STOP_INTENT_DROP = "finetune.early.stop.intent.drop";
  public static final String VALIDATION_CASES = "finetune.validation.cases";
  public static final String SEED = "finetune.seed";
  public static final String EVAL_CASES = "finetune.eval.cases";
  public static final String GATE_MAX_LOSS_INCREASE = "finetune.gate.max.loss.increase";
  public static final String GATE_MAX_LIKED_LOSS_INCREASE = "finetune.gate.max.liked.loss.increase";
  public static final String GATE_MAX_INTENT_DROP = "finetune.gate.max.intent.drop";
  public static final String GATE_MAX_ENDING_DROP = "finetune.gate.max.ending.drop";
  public static final String GATE_MAX_PREFERENCE_DROP = "finetune.gate.max.preference.drop";
  public static final String STORE_DIR = "finetune.store.dir";
  public static final String DEVICE = "finetune.device";
  public static final String CORPUS_SEED = "finetune.corpus.seed";
  public static final String REPLAY_POOL = "finetune.replay.pool";

  @Override
  public String group() {
    return "fine-tuner";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(TRIGGER_EXAMPLES, "1000", "A fine-tune run starts once this many new training examples arrived."),
        new Setting(TRIGGER_INTERVAL, "30m",
            "A fine-tune run starts this long after the first new example, if the count was not reached first."),
        new Setting(MIN_EXAMPLES, "50", "A timed or on-demand run is skipped while fewer new examples than this wait."),
        new Setting(GROUP_ID, "kefu-fine-tuner", "Consumer group of the fine-tuner on training-examples."),
        new Setting(HTTP_PORT, "8086", "Port of the fine-tuner's health and metrics endpoints; 0 picks a free port."),
        new Setting(TRANSACTIONAL_ID, "kefu-fine-tuner",
            "Transactional id of the fine-tuner, which publishes outcomes and commits offsets atomically."),
        new Setting(NEGATIVES, "exclude",
            "What 1-2 star replies become: 'exclude' (left out) or 'unlikelihood' (negative examples, up to"
                + " finetune.negative.max.stars)."),
        new Setting(NEGATIVE_MAX_STARS, "1",
            "Highest rating (1 or 2) whose reply becomes an unlikelihood negative; negatives rated above it are"
                + " left out."),
        new Setting(NEGATIVE_SCALE, "0.5",
            "Multiplies the (negative) weight of 1-2 star replies in unlikelihood mode."),
        new Setting(REPLAY_RATIO, "1.0",
            "Base-corpus examples replayed per new example, so the model does not forget."),
        new Setting(REPLAY_LOSS, "whole",
            "Which tokens of a replayed base-corpus reply carry loss: 'whole', or 'opening' (its first sentence, which"
                + " says which intent it answers; how much more to say is then left to the ratings)."),
        new Setting(HELDOUT_SHARE, "0.1",
            "Share of new examples (by hash of exampleId) held out from training for the gate's preference score."),
        new Setting(EPOCHS, "8", "Passes over the run's training set (bounded by finetune.max.steps)."),
        new Setting(MAX_STEPS, "400", "Most optimizer steps of one run."),
        new Setting(BATCH_SIZE, "16", "Examples per optimizer step."),
        new Setting(LEARNING_RATE, "3e-4",
            "Peak learning rate of a fine-tune run (cosine decay to a tenth); high enough that one cycle's liked"
                + " replies move the style, while the replay and the gate hold intent."),
        new Setting(TIME_BUDGET, "120s", "Training stops early once a run has trained this long."),
        new Setting(STAGES, "1",
            "The schedule is trained in this many stages, each followed by the validation intent check (1: none)."),
        new Setting(EARLY_STOP_INTENT_DROP, "1.0",
            "Training stops at the first stage whose validation intent percentage is this many points below the"
                + " parent's; the candidate is the stage before."),
        new Setting(VALIDATION_CASES, "200",
            "Held-out base-corpus conversations, after the gate's, that the early stop's intent check answers."),
        new Setting(SEED, "17", "Seed of the run's batch order, replay sample and held-out split."),
        new Setting(EVAL_CASES, "600",
            "Held-out base-corpus conversations the gate's reply-quality check answers (the intent rule's noise"
                + " shrinks with more)."),
        new Setting(GATE_MAX_LOSS_INCREASE, "0.50",
            "Forgetting guard: the gate rejects a candidate whose loss on the base corpus's held-out replies exceeds"
                + " its parent's by more than this fraction (that loss rises when the style shifts, so the bound is"
                + " wide)."),
        new Setting(GATE_MAX_LIKED_LOSS_INCREASE, "0.20",
            "The gate rejects a candidate whose loss on the run's held-out liked replies (4-5 stars, operators')"
                + " exceeds its parent's by more than this fraction (a few dozen replies at a loss of a few hundredths"
                + " of a nat per token after a cycle or two, so the bound is not tight)."),
        new Setting(GATE_MAX_INTENT_DROP, "2.0",
            "The gate rejects a candidate whose intent-addressed percentage is this many points below its parent's."),
        new Setting(GATE_MAX_ENDING_DROP, "5.0",
            "The gate rejects a candidate whose ends-properly percentage is this many points below its parent's."),
        new Setting(GATE_MAX_PREFERENCE_DROP, "0.05",
            "The gate rejects a candidate whose preference score is this much below its parent's."),
        new Setting(STORE_DIR, null, "Directory of the model store; default <data.dir>/models."),
        new Setting(DEVICE, "auto", "Where the fine-tuner trains and evaluates: auto, cpu or gpu."),
        new Setting(CORPUS_SEED, "1",
            "Seed of the seed corpus the base model was trained on (kefu train-base's seed): replay sample and"
                + " held-out set come from it."),
        new Setting(REPLAY_POOL, "24000",
            "Replayed conversations are drawn from this many first training conversations of the seed corpus (the"
                + " base model's training set size)."));
  }
}
