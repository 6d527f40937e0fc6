package io.kefu.model.gpt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Preallocated keys and values for up to {@code maxBatch} sequences of up to {@code maxLength}
 * tokens, per layer: (Bmax, H, Tmax, D) each; and the token ids at those positions (Bmax, Tmax),
 * which a model with copy attention reads back when it decodes the next position.
 *
 * <p>Slots are addressed by index; the caller tracks each slot's length and keeps active
 * sequences in slots 0..N-1 (see {@link #moveSlots}) so a decode step reads one contiguous prefix.
 * Not thread-safe: one decode loop owns it.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final List<LayerCache> layers;
    /** (Bmax, Tmax) int64: the token at each cached position. */
    private final NDArray tokens;
    private final int maxBatch;
    private final int maxLength;

    /**
     * Allocates a cache for a model.
     *
     * @param parent manager whose device the cache lives on
     * @param config the model's config
     * @param maxBatch slots (Bmax)
     * @param maxLength tokens per slot (Tmax), at most the context length
     */
    public KvCache(NDManager parent, GptConfig config, int maxBatch, int maxLength) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("maxBatch must be > 0, was " + maxBatch);
        }
        if (maxLength <= 0 || maxLength > config.contextLength()) {
            throw new IllegalArgumentException(
                    "maxLength must be in [1, " + config.contextLength() + "], was " + maxLength);
        }
        this.manager = parent.newSubManager();
        this.maxBatch = maxBatch;
        this.maxLength = maxLength;
        Shape shape = new Shape(maxBatch, config.heads(), maxLength, config.headSize()); // (Bmax, H, Tmax, D)
        List<LayerCache> list = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            list.add(new LayerCache(manager.zeros(shape, DataType.FLOAT32), manager.zeros(shape, DataType.FLOAT32)));
        }
        this.layers = List.copyOf(list);
        this.tokens = manager.zeros(new Shape(maxBatch, maxLength), DataType.INT64);
    }

    /**
     * Returns a layer's cache.
     *
     * @param layer layer index
     * @return keys and values
     */
    public LayerCache layer(int layer) {
        return layers.get(layer);
    }

    /**
     * Returns the number of slots.
     *
     * @return Bmax
     */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Returns the tokens each slot can hold.
     *
     * @return Tmax
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns the device the cache lives on.
     *
     * @return the device
     */
    public Device device() {
        return manager.getDevice();
    }

    /**
     * Writes prefilled sequences' keys and values into consecutive slots.
     *
     * @param layer layer index
     * @param firstSlot slot of the first row
     * @param keys (B, H, T, D)
     * @param values (B, H, T, D)
     */
    public void write(int layer, int firstSlot, NDArray keys, NDArray values) {
        long b = keys.getShape().get(0);
        long t = keys.getShape().get(2);
        if (t > maxLength || firstSlot + b > maxBatch) {
            throw new IllegalArgumentException("cannot write " + b + " sequences of " + t + " tokens at slot "
                    + firstSlot + " into a cache of " + maxBatch + " slots of " + maxLength + " tokens");
        }
        NDIndex target = new NDIndex("{}:{}, :, 0:{}, :", firstSlot, firstSlot + b, t);
        layers.get(layer).keys().set(target, keys); // (B, H, T, D)
        layers.get(layer).values().set(target, values); // (B, H, T, D)
    }

    /**
     * Records prefilled sequences' tokens in consecutive slots, from position 0.
     *
     * @param firstSlot slot of the first row
     * @param ids (B, T) int64, right-padded; a row's padding is overwritten as it decodes
     */
    public void writeTokens(int firstSlot, NDArray ids) {
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        if (t > maxLength || firstSlot + b > maxBatch) {
            throw new IllegalArgumentException("cannot write " + b + " rows of " + t + " tokens at slot " + firstSlot
                    + " into a cache of " + maxBatch + " slots of " + maxLength + " tokens");
        }
        tokens.set(new NDIndex("{}:{}, 0:{}", firstSlot, firstSlot + b, t), ids); // (B, T)
    }

    /**
     * Records one token per row at its position, and returns the tokens each row holds one and two
     * positions before it.
     *
     * @param manager where the returned arrays live
     * @param rows slots (N) int64
     * @param positions each row's position (N) int64, each at least 1
     * @param newTokens the tokens at those positions (N, 1) int64
     * @return the tokens at {@code positions - 1} (N, 1) int64, those at {@code positions - 2} (N, 1)
     *     int64 (any token where the position is 1), and (N, 1, 1) float32 holding 1 where a row has a
     *     token two before and 0 where it has not
     */
    public NDArray[] writeTokenReadPreceding(NDManager manager, NDArray rows, NDArray positions,
            NDArray newTokens) {
        tokens.set(new NDIndex("{}, {}", rows, positions), newTokens.reshape(-1)); // (N)
        NDArray one = tokens.get(manager, new NDIndex("{}, {}", rows, positions.sub(1))).reshape(-1, 1); // (N, 1)
        NDArray twoBack = positions.sub(2).maximum(0); // (N)
        NDArray two = tokens.get(manager, new NDIndex("{}, {}", rows, twoBack)).reshape(-1, 1); // (N, 1)
        NDArray present = positions.gte(2).toType(DataType.FLOAT32, false).reshape(-1, 1, 1); // (N, 1, 1)
        return new NDArray[] {one, two, present};
    }

    /**
     * Copies the first {@code length} positions of some slots to others, in every layer and in the
     * token record, with one gather and one scatter per cached tensor however many slots move.
     *
     * @param from source slots
     * @param to target slots, none of them also a source
     * @param length positions to copy
     */
    public void moveSlots(int[] from, int[] to, int length) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(
                    "moveSlots needs as many targets as sources, were " + from.length + " and " + to.length);
        }
        if (from.length == 0 || length == 0) {
            return;
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDIndex source = new NDIndex("{}, :, 0:{}", scratch.create(toLong(from)), length);
            NDIndex target = new NDIndex("{}, :, 0:{}", scratch.create(toLong(to)), length);
            for (LayerCache layer : layers) {
                layer.keys().set(target, layer.keys().get(scratch, source)); // (M, H, L, D)
                layer.values().set(target, layer.values().get(scratch, source)); // (M, H, L, D)
            }
            NDIndex sourceTokens = new NDIndex("{}, 0:{}", scratch.create(toLong(from)), length);
            NDIndex targetTokens = new NDIndex("{}, 0:{}", scratch.create(toLong(to)), length);
            tokens.set(targetTokens, tokens.get(scratch, sourceTokens)); // (M, L)
        }
    }

    private static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Frees the cache's memory. */
    @Override
    public void close() {
        manager.close();
    }
}
