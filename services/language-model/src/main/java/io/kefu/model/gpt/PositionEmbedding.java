package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Learned absolute position embedding, one row per position up to the context length.
 *
 * <p>Dimensions: B batch, T positions, C width.
 */
public final class PositionEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int contextLength;
    private final int width;
    private final Parameter weight;

    private PositionEmbedding(Builder builder) {
        super(VERSION);
        this.contextLength = builder.contextLength;
        this.width = builder.width;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(builder.contextLength, builder.width))
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

    /**
     * Returns the number of positions.
     *
     * @return the context length
     */
    public int contextLength() {
        return contextLength;
    }

    /** {@inheritDoc} Input: positions (T) or (B, T) int64. Output: (T, C) or (B, T, C). */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray positions = inputs.head(); // (T) or (B, T)
        NDArray table = store.getValue(weight, positions.getDevice(), training); // (Tmax, C)
        return positions.getNDArrayInternal().embedding(positions, table, SparseFormat.DENSE); // (.., C)
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(width)};
    }

    /** Builds a {@link PositionEmbedding}. */
    public static final class Builder {
        private int contextLength;
        private int width;

        private Builder() {}

        /**
         * Sets the number of positions (T max).
         *
         * @param value T max
         * @return this builder
         */
        public Builder setContextLength(int value) {
            contextLength = value;
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
        public PositionEmbedding build() {
            if (contextLength <= 0 || width <= 0) {
                throw new IllegalArgumentException(
                        "contextLength and width must be > 0, were " + contextLength + " and " + width);
            }
            return new PositionEmbedding(this);
        }
    }
}
