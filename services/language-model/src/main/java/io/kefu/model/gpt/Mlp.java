package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The transformer's feed-forward part: widen to 4C, GELU, project back to C.
 *
 * <p>Dimensions: B batch, T sequence length, C width.
 */
public final class Mlp extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final float dropout;
    private final Linear fc;
    private final Linear proj;

    private Mlp(Builder builder) {
        super(VERSION);
        this.width = builder.width;
        this.dropout = builder.dropout;
        this.fc = addChildBlock("fc", Linear.builder().setUnits(4L * width).build());
        this.proj = addChildBlock("proj", Linear.builder().setUnits(width).build());
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
     * Returns the output projection, which writes into the residual stream.
     *
     * @return the projection block
     */
    public Linear residualProjection() {
        return proj;
    }

    /** {@inheritDoc} Input and output: (B, T, C). */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head(); // (B, T, C)
        NDArray h = fc.forward(store, new NDList(x), training).head(); // (B, T, 4C)
        h = Activation.gelu(h); // (B, T, 4C)
        NDArray y = proj.forward(store, new NDList(h), training).head(); // (B, T, C)
        if (training && dropout > 0f) {
            y = Dropout.dropout(y, dropout, true).head(); // (B, T, C)
        }
        return new NDList(y);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        fc.initialize(manager, dataType, x);
        proj.initialize(manager, dataType, x.slice(0, x.dimension() - 1).add(4L * width));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Builds an {@link Mlp}. */
    public static final class Builder {
        private int width;
        private float dropout;

        private Builder() {}

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
         * Sets the dropout rate applied to the output while training (default 0).
         *
         * @param value the rate
         * @return this builder
         */
        public Builder optDropout(float value) {
            dropout = value;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the block
         */
        public Mlp build() {
            if (width <= 0) {
                throw new IllegalArgumentException("width must be > 0, was " + width);
            }
            return new Mlp(this);
        }
    }
}
