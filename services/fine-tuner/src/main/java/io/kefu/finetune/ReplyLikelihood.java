package io.kefu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.kefu.model.LanguageModel;
import io.kefu.model.tokenizer.TokenSequence;
import io.kefu.model.train.EncodedExample;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mean log-probability per reply token that a model gives each example's reply (closing {@code <|end|>}
 * included), computed in batches without tracking gradients. Dimensions: B batch, T positions, V vocabulary.
 */
public final class ReplyLikelihood {
  private static final int BATCH = 32;

  private ReplyLikelihood() {}

  /** One value per example, in order; NaN for an example whose reply does not fit the context. */
  public static double[] meanLogProb(LanguageModel model, List<ReplyExample> examples) {
    double[] out = new double[examples.size()];
    List<Integer> rows = new ArrayList<>();
    List<EncodedExample> encoded = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      ReplyExample e = examples.get(i);
      Optional<TokenSequence> sequence = model.promptFormat().encodeExample(e.context(), e.message(), e.reply(),
          model.config().contextLength());
      if (sequence.isEmpty()) {
        out[i] = Double.NaN;
      } else {
        rows.add(i);
        encoded.add(new EncodedExample(sequence.get(), 1f));
      }
    }
    for (int from = 0; from < encoded.size(); from += BATCH) {
      int to = Math.min(encoded.size(), from + BATCH);
      try (NDManager manager = model.manager().newSubManager()) {
        TrainingBatch batch = TrainingBatch.of(manager, encoded.subList(from, to));
        NDList logits = model.block().forward(model.inferenceStore(manager), batch.inputs(), false); // (B, T, V)
        NDArray targets = batch.labels().get(0); // (B, T)
        NDArray mask = batch.labels().get(1); // (B, T)
        NDArray logp = logits.head().logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
        float[] means = logp.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f))
            .toFloatArray(); // (B)
        for (int k = 0; k < means.length; k++) {
          out[rows.get(from + k)] = means[k];
        }
      }
    }
    return out;
  }
}
