package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token embedding whose matrix is also the output head (weight tying).
 *
 * <p>Dimensions: B batch, T sequence length, C width, V vocabulary.
 */
public final class TokenEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final Parameter weight;

    private TokenEmbedding(Builder builder) {
        super(VERSION);
        this.width = builder.width;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(builder.vocabSize, builder.width))
                .build());
    }

    /**
     * Creates a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} Input: ids (B, T) int64. Output: (B, T, C). */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head(); // (B, T)
        NDArray table = store.getValue(weight, ids.getDevice(), training); // (V, C)
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE); // (B, T, C)
    }

    /**
     * Projects hidden states onto the vocabulary with the shared matrix.
     *
     * @param store the parameter store
     * @param hidden hidden states (B, T, C)
     * @param training whether training
     * @return logits (B, T, V)
     */
    public NDArray logits(ParameterStore store, NDArray hidden, boolean training) {
        NDArray table = store.getValue(weight, hidden.getDevice(), training); // (V, C)
        return Linear.linear(hidden, table).head(); // (B, T, V)
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(width)};
    }

    /** Builds a {@link TokenEmbedding}. */
    public static final class Builder {
        private int vocabSize;
        private int width;

        private Builder() {}

        /**
         * Sets the vocabulary size (V).
         *
         * @param value V
         * @return this builder
         */
        public Builder setVocabSize(int value) {
            vocabSize = value;
            return this;
        }

        /**
         * Sets the width (C).
         *
         * @param value C
         * @return this builder
         */
        public Builder setWidth(int value) {
            width = value;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the block
         */
        public TokenEmbedding build() {
            if (vocabSize <= 0 || width <= 0) {
                throw new IllegalArgumentException(
                        "vocabSize and width must be > 0, were " + vocabSize + " and " + width);
            }
            return new TokenEmbedding(this);
        }
    }
}
