package io.kefu.model.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.kefu.model.tokenizer.SpecialToken;
import java.util.List;

/**
 * Arrays for one step: inputs (B, T), and labels targets (B, T), mask (B, T), weights (B).
 *
 * <p>T is the longest sequence in the batch minus one; shorter rows are padded with {@code <|pad|>}
 * and masked out. Target t is token t+1; the mask is 1 where that token belongs to the reply and carries loss
 * ({@link EncodedExample#lossEnd()}).
 *
 * @param inputs the model input
 * @param labels what {@link ReplyLoss} reads
 * @param targetTokens number of masked (reply) positions
 */
public record TrainingBatch(NDList inputs, NDList labels, int targetTokens) {

    /**
     * Builds the arrays in a manager.
     *
     * @param manager owner of the arrays
     * @param examples the batch's examples
     * @return the batch
     */
    public static TrainingBatch of(NDManager manager, List<EncodedExample> examples) {
        int b = examples.size();
        int t = 0;
        for (EncodedExample example : examples) {
            t = Math.max(t, example.sequence().length() - 1);
        }
        long[] inputs = new long[b * t];
        long[] targets = new long[b * t];
        float[] mask = new float[b * t];
        float[] weights = new float[b];
        int count = 0;
        long pad = SpecialToken.PAD.id();
        for (int row = 0; row < b; row++) {
            EncodedExample example = examples.get(row);
            int[] tokens = example.sequence().tokens();
            int replyStart = example.sequence().replyStart();
            int lossEnd = example.lossEnd();
            weights[row] = example.weight();
            for (int col = 0; col < t; col++) {
                int index = row * t + col;
                boolean inside = col + 1 < tokens.length;
                inputs[index] = col < tokens.length ? tokens[col] : pad;
                targets[index] = inside ? tokens[col + 1] : pad;
                if (col + 1 >= replyStart && col + 1 < lossEnd) { // lossEnd <= tokens.length: inside the sequence
                    mask[index] = 1f;
                    count++;
                }
            }
        }
        Shape shape = new Shape(b, t);
        NDList in = new NDList(manager.create(inputs, shape)); // (B, T)
        NDList labels = new NDList(
                manager.create(targets, shape), // (B, T)
                manager.create(mask, shape), // (B, T)
                manager.create(weights, new Shape(b))); // (B)
        return new TrainingBatch(in, labels, count);
    }
}
