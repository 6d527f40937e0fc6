package io.kefu.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.List;

/**
 * Per-token loss on reply tokens only, weighted per example, with unlikelihood for negatives.
 *
 * <p>Dimensions: B batch, T positions, V vocabulary. For each position t with mask 1 (a reply
 * token or the closing {@code <|end|>} is the target) and example weight w:
 *
 * <pre>
 * w &gt; 0:  w   * -log p(y_t)                 (likelihood: make the reply more probable)
 * w &lt; 0:  |w| * -log(1 - p(y_t))           (unlikelihood: make the reply less probable)
 * </pre>
 *
 * By default the sum is divided by the batch's number of masked positions: the mean per reply token, what
 * evaluation reports. For training, {@link #ReplyLoss(float)} divides it by a fixed number of tokens per example
 * times the batch size instead, so every reply token weighs the same in every batch. With the per-batch mean, a
 * batch of short replies gives each of its tokens more weight than a batch of long ones, and batches are cut from
 * examples of similar length: a choice between stopping and going on (a terse reply or a longer one) is then
 * learned at the weighted rate, not the corpus's. Either way the weight's absolute size matters (weight 0.5 learns
 * half as fast as weight 1). Prompt and padding positions have mask 0.
 */
public final class ReplyLoss extends Loss {

    /** Floor on 1 - p so the unlikelihood term stays finite when p reaches 1. */
    private static final float MIN_COMPLEMENT = 1e-6f;

    private final float tokensPerExample;

    /** Creates the loss that divides by the batch's number of masked positions (the mean per reply token). */
    public ReplyLoss() {
        super("ReplyLoss");
        this.tokensPerExample = 0f;
    }

    /**
     * Creates the loss that divides by {@code tokensPerExample} times the batch size, the same for every batch.
     *
     * @param tokensPerExample the training set's mean number of reply tokens (with {@code <|end|>}) per example
     */
    public ReplyLoss(float tokensPerExample) {
        super("ReplyLoss");
        if (!(tokensPerExample > 0) || Float.isInfinite(tokensPerExample)) {
            throw new IllegalArgumentException("tokensPerExample must be finite and > 0, was " + tokensPerExample);
        }
        this.tokensPerExample = tokensPerExample;
    }

    /**
     * Returns the mean number of reply tokens that carry loss ({@link EncodedExample#lossTokens()}) per example.
     *
     * @param examples encoded examples (at least one)
     * @return the mean
     */
    public static float meanReplyTokens(List<EncodedExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to count reply tokens of");
        }
        long sum = 0;
        for (EncodedExample example : examples) {
            sum += example.lossTokens();
        }
        return (float) sum / examples.size();
    }

    /**
     * {@inheritDoc}
     *
     * @param labels targets (B, T) int64, mask (B, T) float32, weights (B) float32
     * @param predictions logits (B, T, V)
     * @return the scalar loss
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray targets = labels.get(0); // (B, T)
        NDArray mask = labels.get(1); // (B, T)
        NDArray weights = labels.get(2); // (B)
        NDArray logits = predictions.head(); // (B, T, V)
        NDArray logp = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
        NDArray likelihood = logp.neg(); // (B, T)
        NDArray unlikelihood = logp.exp().neg().add(1f).maximum(MIN_COMPLEMENT).log().neg(); // (B, T)
        NDArray w = weights.expandDims(1); // (B, 1)
        NDArray negative = w.lt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false); // (B, 1)
        NDArray perToken = negative.mul(unlikelihood).add(negative.neg().add(1f).mul(likelihood)); // (B, T)
        NDArray weighted = perToken.mul(w.abs()).mul(mask); // (B, T)
        if (tokensPerExample > 0) {
            return weighted.sum().div(weights.getShape().get(0) * tokensPerExample); // ()
        }
        return weighted.sum().div(mask.sum().maximum(1f)); // ()
    }
}
