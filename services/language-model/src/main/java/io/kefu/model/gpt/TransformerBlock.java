package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer block: {@code x + attn(ln1(x))}, then {@code x + mlp(ln2(x))}.
 *
 * <p>Dimensions: B batch, T sequence length, C width, H heads, D head size.
 */
public final class TransformerBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LayerNorm ln1;
    private final CausalSelfAttention attn;
    private final LayerNorm ln2;
    private final Mlp mlp;

    private TransformerBlock(Builder builder) {
        super(VERSION);
        this.ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
        this.attn = addChildBlock("attn", CausalSelfAttention.builder()
                .setWidth(builder.width).setHeads(builder.heads).optDropout(builder.dropout)
                .optRotary(builder.rotaryPositions).optCopyAttention(builder.copyAttention).build());
        this.ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
        this.mlp = addChildBlock("mlp", Mlp.builder().setWidth(builder.width).optDropout(builder.dropout).build());
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
     * Returns the attention block.
     *
     * @return the attention block
     */
    public CausalSelfAttention attention() {
        return attn;
    }

    /**
     * Returns the feed-forward block.
     *
     * @return the MLP
     */
    public Mlp mlp() {
        return mlp;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inputs: x (B, T, C), causal mask (T, T), and for copy attention the tokens one and two before
     * each position (B, T, C) each. Outputs: x (B, T, C), keys and values (B, H, T, D).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, T, C)
        NDArray mask = inputs.get(1); // (T, T)
        NDArray normed = ln1.forward(store, new NDList(x), training).head(); // (B, T, C)
        NDList attnInputs = inputs.size() > 3 ? new NDList(normed, mask, inputs.get(2), inputs.get(3))
                : new NDList(normed, mask);
        NDList attended = attn.forward(store, attnInputs, training); // (B, T, C), 2 x (B, H, T, D)
        x = x.add(attended.get(0)); // (B, T, C)
        x = x.add(mlp.forward(store, ln2.forward(store, new NDList(x), training), training).head()); // (B, T, C)
        return new NDList(x, attended.get(1), attended.get(2));
    }

    /**
     * Runs the block as a prefill's last layer: only each row's last real position continues, so
     * the attention output and the MLP run once per row instead of once per position.
     *
     * @param store the parameter store
     * @param x hidden states (B, T, C)
     * @param rows 0..B-1 (B) int64
     * @param ends each row's last real position (B) int64
     * @param mask additive mask (B, 1, 1, T): 0 up to the row's end, -inf after
     * @param preceding each position's preceding tokens, or null unless copy attention
     * @return hidden states at the ends (B, 1, C), keys and values (B, H, T, D)
     */
    public NDList prefillEnds(ParameterStore store, NDArray x, NDArray rows, NDArray ends, NDArray mask,
            PrecedingTokens preceding) {
        NDArray normed = ln1.forward(store, new NDList(x), false).head(); // (B, T, C)
        NDList attended = attn.prefillEnds(store, normed, rows, ends, mask, preceding); // (B, 1, C), ...
        NDArray last = x.get(new NDIndex("{}, {}", rows, ends)).expandDims(1); // (B, 1, C)
        last = last.add(attended.get(0)); // (B, 1, C)
        last = last.add(mlp.forward(store, ln2.forward(store, new NDList(last), false), false).head()); // (B, 1, C)
        return new NDList(last, attended.get(1), attended.get(2));
    }

    /**
     * Runs the block for one new token per cache row.
     *
     * @param store the parameter store
     * @param x hidden states (N, 1, C)
     * @param rows slot of each row (N)
     * @param positions position of each row's token (N)
     * @param mask additive mask (N, 1, 1, S)
     * @param cache this layer's cache
     * @param preceding each row's preceding tokens (N, 1, C), or null unless copy attention
     * @return hidden states (N, 1, C)
     */
    public NDArray decode(ParameterStore store, NDArray x, NDArray rows, NDArray positions, NDArray mask,
            LayerCache cache, PrecedingTokens preceding) {
        NDArray normed = ln1.forward(store, new NDList(x), false).head(); // (N, 1, C)
        x = x.add(attn.decode(store, normed, rows, positions, mask, cache, preceding)); // (N, 1, C)
        x = x.add(mlp.forward(store, ln2.forward(store, new NDList(x), false), false).head()); // (N, 1, C)
        return x;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape mask = new Shape(x.get(1), x.get(1));
        ln1.initialize(manager, dataType, x);
        attn.initialize(manager, dataType, x, mask);
        ln2.initialize(manager, dataType, x);
        mlp.initialize(manager, dataType, x);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] attended = attn.getOutputShapes(inputShapes);
        return new Shape[] {inputShapes[0], attended[1], attended[2]};
    }

    /** Builds a {@link TransformerBlock}. */
    public static final class Builder {
        private int width;
        private int heads;
        private float dropout;
        private int rotaryPositions;
        private boolean copyAttention;

        private Builder() {}

        /**
         * Makes the block's attention copy attention (default off); see {@link GptConfig#copyAttention()}.
         *
         * @param on whether the attention is copy attention
         * @return this builder
         */
        public Builder optCopyAttention(boolean on) {
            copyAttention = on;
            return this;
        }

        /**
         * Uses the rotary position embedding in attention for positions below {@code positions} (default 0: off).
         *
         * @param positions the context length, or 0 for no rotary embedding
         * @return this builder
         */
        public Builder optRotary(int positions) {
            rotaryPositions = positions;
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
         * Sets the number of heads (H).
         *
         * @param value H
         * @return this builder
         */
        public Builder setHeads(int value) {
            heads = value;
            return this;
        }

        /**
         * Sets the dropout rate while training (default 0).
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
        public TransformerBlock build() {
            return new TransformerBlock(this);
        }
    }
}
