package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.kefu.model.PyTorchRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GPT-style decoder-only transformer: token and position embeddings, pre-LayerNorm blocks, a final
 * LayerNorm, and an output head tied to the token embedding.
 *
 * <p>Dimensions: B batch, T sequence length, C width, H heads, D head size, V vocabulary; for
 * incremental decoding N active rows and S attended positions.
 *
 * <p>Three ways to run it: {@link #forward} over whole sequences (training, full recomputation);
 * {@link #prefill} prompts into {@link KvCache} slots (the last layer only at each prompt's end);
 * {@link #decode} one new token for each of N cached rows, which is what continuous batching steps.
 */
public final class Gpt extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float INIT_STD = 0.02f;

    private final GptConfig config;
    private final TokenEmbedding wte;
    private final PositionEmbedding wpe;
    private final List<TransformerBlock> blocks;
    private final LayerNorm lnF;

    /**
     * Builds the model's blocks (parameters are created by {@code initialize}).
     *
     * @param config the model's shape
     */
    public Gpt(GptConfig config) {
        super(VERSION);
        this.config = config;
        this.wte = addChildBlock("wte", TokenEmbedding.builder()
                .setVocabSize(config.vocabSize()).setWidth(config.width()).build());
        this.wpe = addChildBlock("wpe", PositionEmbedding.builder()
                .setContextLength(config.contextLength()).setWidth(config.width()).build());
        List<TransformerBlock> list = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            list.add(addChildBlock("block" + i, TransformerBlock.builder()
                    .setWidth(config.width()).setHeads(config.heads()).optDropout(config.dropout())
                    .optRotary(config.rotary() ? config.contextLength() : 0)
                    .optCopyAttention(config.copyAttention() && i == 0).build()));
        }
        this.blocks = List.copyOf(list);
        this.lnF = addChildBlock("lnF", LayerNorm.builder().axis(2).build());
        setInitializer(new NormalInitializer(INIT_STD), Parameter.Type.WEIGHT);
        // GPT-2: residual projections start smaller so the residual stream's variance stays ~1 with depth.
        NormalInitializer residual = new NormalInitializer((float) (INIT_STD / Math.sqrt(2.0 * config.layers())));
        for (TransformerBlock block : blocks) {
            block.attention().residualProjection().setInitializer(residual, Parameter.Type.WEIGHT);
            block.mlp().residualProjection().setInitializer(residual, Parameter.Type.WEIGHT);
        }
    }

    /**
     * Returns the config.
     *
     * @return the config
     */
    public GptConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Input: ids (B, T) int64 with T at most the context length. Output: logits (B, T, V).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head(); // (B, T)
        NDArray hidden = hiddenStates(store, ids, training); // (B, T, C)
        return new NDList(wte.logits(store, hidden, training)); // (B, T, V)
    }

    /**
     * Runs one prompt, stores its keys and values in a cache slot, and returns the logits that
     * predict the token after the prompt.
     *
     * @param store the parameter store
     * @param ids the prompt (1, T) int64
     * @param cache the cache
     * @param slot the slot to fill
     * @return logits (1, V)
     */
    public NDArray prefill(ParameterStore store, NDArray ids, KvCache cache, int slot) {
        return prefill(store, ids, new long[] {ids.getShape().get(1)}, cache, slot);
    }

    /**
     * Runs B prompts together, right-padded to a common length T, stores their keys and values in
     * cache slots {@code firstSlot .. firstSlot + B - 1}, and returns for each the logits that
     * predict the token after its own last position.
     *
     * <p>Padding never leaks into a prompt: it comes after the prompt, and attention is causal.
     * The cache positions a row holds past its own length are garbage that decode masks out and
     * then overwrites. The last layer runs its attention output and MLP only at each prompt's last
     * position, the one whose logits are returned: a quarter less work for a 4-layer model. No
     * autograd history is recorded, even for a model whose parameters still track gradients, so the
     * cache never holds on to a step's activations (see {@link PyTorchRuntime#withoutGradients}).
     *
     * @param store the parameter store
     * @param ids the prompts (B, T) int64, right-padded
     * @param lengths each prompt's real length (B), each in [1, T]
     * @param cache the cache
     * @param firstSlot the first of B consecutive slots to fill
     * @return logits (B, V)
     */
    public NDArray prefill(ParameterStore store, NDArray ids, long[] lengths, KvCache cache, int firstSlot) {
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        if (lengths.length != b || t > cache.maxLength() || firstSlot + b > cache.maxBatch()) {
            throw new IllegalArgumentException("prefill needs ids (B, T) with T <= " + cache.maxLength()
                    + ", B lengths and slots " + firstSlot + ".." + (firstSlot + b - 1) + " below "
                    + cache.maxBatch() + "; was ids " + ids.getShape() + " with " + lengths.length + " lengths");
        }
        long[] rows = new long[(int) b];
        long[] last = new long[(int) b];
        float[] endMask = new float[(int) (b * t)];
        for (int i = 0; i < b; i++) {
            if (lengths[i] < 1 || lengths[i] > t) {
                throw new IllegalArgumentException("prompt length must be in [1, " + t + "], was " + lengths[i]);
            }
            rows[i] = i;
            last[i] = lengths[i] - 1;
            Arrays.fill(endMask, (int) (i * t + lengths[i]), (int) ((i + 1) * t), Float.NEGATIVE_INFINITY);
        }
        try (PyTorchRuntime.GradientsOff noHistory = PyTorchRuntime.withoutGradients(ids.getManager())) {
            return prefillRows(store, ids, rows, last, endMask, cache, firstSlot);
        }
    }

    private NDArray prefillRows(ParameterStore store, NDArray ids, long[] rows, long[] last, float[] endMask,
            KvCache cache, int firstSlot) {
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        NDManager manager = ids.getManager();
        NDList embedded = embed(store, ids, false); // (B, T, C)[, token embeddings (B, T, C)]
        NDArray x = embedded.get(0);
        PrecedingTokens preceding = embedded.size() > 1 ? PrecedingTokens.of(embedded.get(1)) : null;
        if (preceding != null) {
            cache.writeTokens(firstSlot, ids);
        }
        NDArray mask = causalMask(manager, t).toDevice(ids.getDevice(), false); // (T, T)
        int lastLayer = blocks.size() - 1;
        for (int i = 0; i < lastLayer; i++) {
            NDList out = blocks.get(i).forward(store, blockInputs(x, mask, i == 0 ? preceding : null), false);
            x = out.get(0);
            cache.write(i, firstSlot, out.get(1), out.get(2));
        }
        // Only the prompt ends predict a token, so the last layer continues from them alone.
        NDList out = blocks.get(lastLayer).prefillEnds(store, x, manager.create(rows), manager.create(last),
                manager.create(endMask, new Shape(b, 1, 1, t)).toDevice(ids.getDevice(), false),
                lastLayer == 0 ? preceding : null); // (B, 1, C), 2 x (B, H, T, D)
        cache.write(lastLayer, firstSlot, out.get(1), out.get(2));
        NDArray ends = lnF.forward(store, new NDList(out.get(0)), false).head(); // (B, 1, C)
        return wte.logits(store, ends, false).reshape(b, config.vocabSize()); // (B, V)
    }

    /**
     * Runs one new token for each of N rows whose earlier tokens are in cache slots 0..N-1,
     * recording no autograd history (as {@link #prefill(ParameterStore, NDArray, long[], KvCache, int)}).
     *
     * @param store the parameter store
     * @param tokens the new tokens (N, 1) int64
     * @param positions each new token's position (N) int64
     * @param mask additive attention mask (N, 1, 1, S): 0 up to each row's position, -inf after
     * @param cache the cache
     * @return logits (N, V)
     */
    public NDArray decode(ParameterStore store, NDArray tokens, NDArray positions, NDArray mask, KvCache cache) {
        try (PyTorchRuntime.GradientsOff noHistory = PyTorchRuntime.withoutGradients(tokens.getManager())) {
            return decodeRows(store, tokens, positions, mask, cache);
        }
    }

    private NDArray decodeRows(ParameterStore store, NDArray tokens, NDArray positions, NDArray mask,
            KvCache cache) {
        long n = tokens.getShape().get(0);
        NDArray rows = tokens.getManager().arange(0L, n, 1L, DataType.INT64); // (N)
        NDArray pos = wpe.forward(store, new NDList(positions), false).head(); // (N, C)
        NDArray x;
        PrecedingTokens preceding = null;
        if (config.copyAttention()) {
            // One embedding lookup for the new tokens and the two before each: (N, 3) ids to (N, 3, C).
            NDArray[] before = cache.writeTokenReadPreceding(tokens.getManager(), rows, positions, tokens);
            NDArray all = wte.forward(store, new NDList(tokens.concat(before[0], 1).concat(before[1], 1)), false)
                    .head(); // (N, 3, C)
            x = all.get(":, 0:1"); // (N, 1, C)
            preceding = new PrecedingTokens(all.get(":, 1:2"), all.get(":, 2:3").mul(before[2])); // (N, 1, C) each
        } else {
            x = wte.forward(store, new NDList(tokens), false).head(); // (N, 1, C)
        }
        x = x.add(pos.expandDims(1)); // (N, 1, C)
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).decode(store, x, rows, positions, mask, cache.layer(i), i == 0 ? preceding : null);
        }
        x = lnF.forward(store, new NDList(x), false).head(); // (N, 1, C)
        return wte.logits(store, x, false).reshape(n, config.vocabSize()); // (N, V)
    }

    private NDArray hiddenStates(ParameterStore store, NDArray ids, boolean training) {
        NDList embedded = embed(store, ids, training); // (B, T, C)[, token embeddings (B, T, C)]
        NDArray x = embedded.get(0);
        PrecedingTokens preceding = embedded.size() > 1 ? PrecedingTokens.of(embedded.get(1)) : null;
        NDArray mask = causalMask(ids.getManager(), ids.getShape().get(1)).toDevice(ids.getDevice(), false); // (T, T)
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).forward(store, blockInputs(x, mask, i == 0 ? preceding : null), training).head();
        }
        return lnF.forward(store, new NDList(x), training).head(); // (B, T, C)
    }

    /** Token plus position embeddings (B, T, C), then for copy attention the token embeddings alone. */
    private NDList embed(ParameterStore store, NDArray ids, boolean training) {
        long t = ids.getShape().get(1);
        if (t > config.contextLength()) {
            throw new IllegalArgumentException(
                    "sequence of " + t + " tokens exceeds the context length " + config.contextLength());
        }
        NDArray positions = ids.getManager().arange(0L, t, 1L, DataType.INT64); // (T)
        NDArray tokens = wte.forward(store, new NDList(ids), training).head(); // (B, T, C)
        NDArray x = tokens.add(wpe.forward(store, new NDList(positions), training).head()); // (B, T, C)
        if (training && config.dropout() > 0f) {
            x = Dropout.dropout(x, config.dropout(), true).head(); // (B, T, C)
        }
        return config.copyAttention() ? new NDList(x, tokens) : new NDList(x);
    }

    private static NDList blockInputs(NDArray x, NDArray mask, PrecedingTokens preceding) {
        return preceding == null ? new NDList(x, mask) : new NDList(x, mask, preceding.one(), preceding.two());
    }

    private static NDArray causalMask(NDManager manager, long t) {
        return manager.create(causalMask((int) t), new Shape(t, t)); // (T, T)
    }

    private static float[] causalMask(int t) {
        float[] mask = new float[t * t];
        for (int row = 0; row < t; row++) {
            Arrays.fill(mask, row * t + row + 1, (row + 1) * t, Float.NEGATIVE_INFINITY);
        }
        return mask;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0]; // (B, T)
        Shape hidden = ids.add(config.width()); // (B, T, C)
        wte.initialize(manager, dataType, ids);
        wpe.initialize(manager, dataType, new Shape(ids.get(1)));
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, hidden, new Shape(ids.get(1), ids.get(1)));
        }
        lnF.initialize(manager, dataType, hidden);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(config.vocabSize())};
    }
}
