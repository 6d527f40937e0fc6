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
 * tokens, per layer: (Bmax, H, Tmax, D) each.
 *
 * <p>Slots are addressed by index; the caller tracks each slot's length and keeps active
 * sequences in slots 0..N-1 (see {@link #moveSlots}) so a decode step reads one contiguous prefix.
 * Not thread-safe: one decode loop owns it.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final List<LayerCache> layers;
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
     * Copies the first {@code length} positions of some slots to others, in every layer, with one
     * gather and one scatter per cached tensor however many slots move.
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
