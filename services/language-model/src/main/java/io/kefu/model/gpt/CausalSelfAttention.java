package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention, over a whole sequence or one new token against a KV cache.
 *
 * <p>Dimensions: B batch, T query length, S key length, C width, H heads, D head size (C / H).
 */
public final class CausalSelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final float dropout;
    private final Linear qkv;
    private final Linear proj;
    private final RotaryEmbedding rotary;
    /** Copy attention: the tokens one and two before a key's position, and the one before a query's; or null. */
    private final Linear keyOne;
    private final Linear keyTwo;
    private final Linear queryOne;

    private CausalSelfAttention(Builder builder) {
        super(VERSION);
        this.width = builder.width;
        this.heads = builder.heads;
        this.dropout = builder.dropout;
        this.rotary = builder.rotaryPositions > 0
                ? new RotaryEmbedding(builder.width / builder.heads, builder.rotaryPositions) : null;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        this.proj = addChildBlock("proj", Linear.builder().setUnits(width).build());
        this.keyOne = builder.copyAttention ? addChildBlock("copyKeyOne", unbiased(width)) : null;
        this.keyTwo = builder.copyAttention ? addChildBlock("copyKeyTwo", unbiased(width)) : null;
        this.queryOne = builder.copyAttention ? addChildBlock("copyQueryOne", unbiased(width)) : null;
    }

    private static Linear unbiased(int width) {
        return Linear.builder().setUnits(width).optBias(false).build();
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

    /**
     * {@inheritDoc}
     *
     * <p>Inputs: x (B, T, C) and an additive mask broadcastable to (B, H, T, T), 0 where a query
     * may attend and -inf where not; for copy attention also the embeddings of the tokens one and two
     * before each position (B, T, C) each ({@link PrecedingTokens}). Outputs: y (B, T, C), keys
     * (B, H, T, D), values (B, H, T, D); the keys and values are what a KV cache stores.
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (B, T, C)
        NDArray mask = inputs.get(1); // (T, T)
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int d = width / heads;
        NDArray packed = qkv.forward(store, new NDList(x), training).head(); // (B, T, 3C)
        NDArray split = packed.reshape(b, t, 3, heads, d).transpose(2, 0, 3, 1, 4); // (3, B, H, T, D)
        NDArray[] qk = turnSequence(split.get(0), split.get(1)); // 2 x (B, H, T, D)
        PrecedingTokens preceding = inputs.size() > 3 ? new PrecedingTokens(inputs.get(2), inputs.get(3)) : null;
        NDArray q = matchQueries(store, qk[0], preceding, training); // (B, H, T, D)
        NDArray k = matchKeys(store, qk[1], preceding, training); // (B, H, T, D)
        NDArray v = split.get(2); // (B, H, T, D)
        NDArray y = attend(q, k, v, mask); // (B, H, T, D)
        y = y.transpose(0, 2, 1, 3).reshape(b, t, width); // (B, T, C)
        return new NDList(project(store, y, training), k, v);
    }

    /**
     * Runs a prefill's last layer: keys and values for every position (the cache needs them), but
     * queries and output only at one position per row, since only there is a next token predicted.
     *
     * @param store the parameter store
     * @param x hidden states (B, T, C)
     * @param rows 0..B-1 (B) int64
     * @param ends each row's last real position (B) int64
     * @param mask additive mask (B, 1, 1, T): 0 up to the row's end, -inf after
     * @param preceding each position's preceding tokens (B, T, C), or null unless copy attention
     * @return y (B, 1, C), keys (B, H, T, D), values (B, H, T, D)
     */
    public NDList prefillEnds(ParameterStore store, NDArray x, NDArray rows, NDArray ends, NDArray mask,
            PrecedingTokens preceding) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int d = width / heads;
        NDArray packed = qkv.forward(store, new NDList(x), false).head(); // (B, T, 3C)
        NDArray split = packed.reshape(b, t, 3, heads, d).transpose(2, 0, 3, 1, 4); // (3, B, H, T, D)
        NDArray k = matchKeys(store, turnSequence(split.get(1))[0], preceding, false); // (B, H, T, D)
        NDArray v = split.get(2); // (B, H, T, D)
        NDArray q = turnRows(ends, packed.get(new NDIndex("{}, {}, 0:{}", rows, ends, width)) // (B, C)
                .reshape(b, heads, 1, d))[0]; // (B, H, 1, D)
        q = matchQueries(store, q, preceding == null ? null : preceding.at(rows, ends), false); // (B, H, 1, D)
        NDArray y = attend(q, k, v, mask).reshape(b, 1, width); // (B, 1, C)
        return new NDList(project(store, y, false), k, v);
    }

    /**
     * Attends one new token per row against the cache, after writing its key and value there.
     *
     * <p>Rows are cache slots 0..N-1; row i's new token sits at {@code positions[i]}.
     *
     * @param store the parameter store
     * @param x the new tokens' hidden states (N, 1, C)
     * @param rows slot index of each row (N) int64
     * @param positions position of each row's new token (N) int64
     * @param mask additive mask (N, 1, 1, S): 0 for cached positions up to the row's own, else -inf
     * @param cache this layer's cache; S = the mask's last dimension
     * @param preceding each row's preceding tokens (N, 1, C), or null unless copy attention
     * @return y (N, 1, C)
     */
    public NDArray decode(ParameterStore store, NDArray x, NDArray rows, NDArray positions, NDArray mask,
            LayerCache cache, PrecedingTokens preceding) {
        long n = x.getShape().get(0);
        long span = mask.getShape().get(3);
        int d = width / heads;
        NDArray packed = qkv.forward(store, new NDList(x), false).head(); // (N, 1, 3C)
        NDArray split = packed.reshape(n, 3, heads, d); // (N, 3, H, D)
        NDArray[] qk = turnRows(positions, split.get(":, 0").expandDims(2), split.get(":, 1").expandDims(2));
        NDArray q = matchQueries(store, qk[0], preceding, false); // (N, H, 1, D)
        NDArray newKeys = matchKeys(store, qk[1], preceding, false).squeeze(2); // (N, H, D)
        NDIndex newSlots = new NDIndex("{}, :, {}", rows, positions);
        cache.keys().set(newSlots, newKeys); // (N, H, D) into (Bmax, H, Tmax, D)
        cache.values().set(newSlots, split.get(":, 2")); // (N, H, D) into (Bmax, H, Tmax, D)
        NDIndex active = new NDIndex("0:{}, :, 0:{}", n, span);
        NDArray k = cache.keys().get(x.getManager(), active); // (N, H, S, D)
        NDArray v = cache.values().get(x.getManager(), active); // (N, H, S, D)
        NDArray y = attend(q, k, v, mask); // (N, H, 1, D)
        y = y.reshape(n, 1, width); // (N, 1, C)
        return project(store, y, false); // (N, 1, C)
    }

    /** Adds to keys (B, H, T, D) the tokens one and two before their positions, projected, head by head. */
    private NDArray matchKeys(ParameterStore store, NDArray keys, PrecedingTokens preceding, boolean training) {
        if (keyOne == null) {
            return keys;
        }
        requirePreceding(preceding);
        NDArray one = keyOne.forward(store, new NDList(preceding.one()), training).head(); // (B, T, C)
        NDArray two = keyTwo.forward(store, new NDList(preceding.two()), training).head(); // (B, T, C)
        return keys.add(heads(one.add(two))); // (B, H, T, D)
    }

    /** Adds to queries (B, H, T, D) the token before their positions, projected, head by head. */
    private NDArray matchQueries(ParameterStore store, NDArray queries, PrecedingTokens preceding, boolean training) {
        if (queryOne == null) {
            return queries;
        }
        requirePreceding(preceding);
        return queries.add(heads(queryOne.forward(store, new NDList(preceding.one()), training).head()));
    }

    private static void requirePreceding(PrecedingTokens preceding) {
        if (preceding == null) {
            throw new IllegalArgumentException("copy attention needs the preceding tokens' embeddings");
        }
    }

    /** (B, T, C) to (B, H, T, D). */
    private NDArray heads(NDArray x) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, width / heads).transpose(0, 2, 1, 3);
    }

    private NDArray[] turnSequence(NDArray... xs) {
        return rotary == null ? xs : rotary.sequence(xs);
    }

    private NDArray[] turnRows(NDArray positions, NDArray... xs) {
        return rotary == null ? xs : rotary.rows(positions, xs);
    }

    /**
     * Softmax attention. The queries are scaled before the product, (T, D) numbers instead of (T, S), and the
     * attention weights are not dropped out while training: on sequences of a few hundred tokens the (B, H, T, T)
     * random mask and its products cost about a sixth of a training step, while dropout on the residual branches
     * (see {@link #project}) regularizes as well.
     */
    private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask) {
        float scale = (float) (1.0 / Math.sqrt(width / (double) heads));
        NDArray scores = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)).add(mask); // (B, H, T, S)
        return scores.softmax(-1).matMul(v); // (B, H, T, D)
    }

    private NDArray project(ParameterStore store, NDArray y, boolean training) {
        NDArray out = proj.forward(store, new NDList(y), training).head(); // (B, T, C)
        if (training && dropout > 0f) {
            out = Dropout.dropout(out, dropout, true).head(); // (B, T, C)
        }
        return out;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes[0]);
        proj.initialize(manager, dataType, inputShapes[0]);
        if (keyOne != null) {
            keyOne.initialize(manager, dataType, inputShapes[0]);
            keyTwo.initialize(manager, dataType, inputShapes[0]);
            queryOne.initialize(manager, dataType, inputShapes[0]);
        }
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        Shape kv = new Shape(x.get(0), heads, x.get(1), width / heads);
        return new Shape[] {x, kv, kv};
    }

    /** Builds a {@link CausalSelfAttention}. */
    public static final class Builder {
        private int width;
        private int heads;
        private float dropout;
        private int rotaryPositions;
        private boolean copyAttention;

        private Builder() {}

        /**
         * Makes this copy attention (default off): each key also carries learned projections of the two tokens
         * before its position and each query of the token before its own, so a query can find where the last two
         * tokens it read occurred before; see {@link GptConfig#copyAttention()}.
         *
         * @param on whether this is copy attention
         * @return this builder
         */
        public Builder optCopyAttention(boolean on) {
            copyAttention = on;
            return this;
        }

        /**
         * Turns queries and keys by their position (rotary embedding) for positions below {@code positions}
         * (default 0: off).
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
         * Sets the number of heads (H); must divide the width.
         *
         * @param value H
         * @return this builder
         */
        public Builder setHeads(int value) {
            heads = value;
            return this;
        }

        /**
         * Sets the dropout rate on the attention output while training (default 0).
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
        public CausalSelfAttention build() {
            if (heads <= 0 || width <= 0 || width % heads != 0 || (rotaryPositions > 0 && (width / heads) % 2 != 0)) {
                throw new IllegalArgumentException(
                        "width must be a positive multiple of heads (with an even head size for the rotary embedding),"
                        + " were width " + width + " and heads " + heads);
            }
            return new CausalSelfAttention(this);
        }
    }
}
