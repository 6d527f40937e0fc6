package io.kefu.finetune;

import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.ReplyCheck;
import io.kefu.model.train.ReplyExample;
import java.util.List;

/** What the fine-tuner needs of the seed corpus: a replay sample, the held-out split, and the reply judge. */
public interface BaseCorpus {

  /** {@code count} training conversations drawn with {@code seed}, replayed so the model does not forget. */
  List<ReplyExample> replaySample(int count, long seed);

  /** Held-out conversations with their reference replies, for the held-out loss. */
  List<ReplyExample> heldOutExamples();

  /** Held-out conversations to answer, for the reply-quality check. */
  List<EvalCase> heldOutCases();

  /** The judge of the reply-quality check ({@code kefu eval}'s). */
  ReplyCheck replyCheck();
}
