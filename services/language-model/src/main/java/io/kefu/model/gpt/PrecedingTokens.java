package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The embeddings of the tokens one and two positions before each position, zero where the sequence has none: what
 * copy attention matches on (see {@link GptConfig#copyAttention()}).
 *
 * @param one the token just before each position (B, T, C)
 * @param two the token two positions before (B, T, C)
 */
public record PrecedingTokens(NDArray one, NDArray two) {

    /**
     * Shifts a sequence's token embeddings one and two positions on.
     *
     * @param tokens token embeddings (B, T, C)
     * @return the preceding tokens of every position
     */
    public static PrecedingTokens of(NDArray tokens) {
        return new PrecedingTokens(shifted(tokens, 1), shifted(tokens, 2));
    }

    /**
     * Picks one position per row.
     *
     * @param rows 0..B-1 (B) int64
     * @param positions one position per row (B) int64
     * @return the preceding tokens at those positions, (B, 1, C) each
     */
    public PrecedingTokens at(NDArray rows, NDArray positions) {
        NDIndex index = new NDIndex("{}, {}", rows, positions);
        return new PrecedingTokens(one.get(index).expandDims(1), two.get(index).expandDims(1));
    }

    private static NDArray shifted(NDArray tokens, int by) {
        Shape shape = tokens.getShape();
        long t = shape.get(1);
        long pad = Math.min(by, t);
        NDArray zero = tokens.getManager().zeros(new Shape(shape.get(0), pad, shape.get(2)), tokens.getDataType(),
                tokens.getDevice()); // (B, pad, C)
        if (pad == t) {
            return zero;
        }
        return zero.concat(tokens.get(new NDIndex(":, 0:{}", t - by)), 1); // (B, T, C)
    }
}
