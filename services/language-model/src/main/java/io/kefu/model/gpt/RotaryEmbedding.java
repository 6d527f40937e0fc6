package io.kefu.model.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embedding (RoPE) of queries and keys: each pair of channels {@code (i, i + D/2)} of a head is turned
 * by the angle {@code position / 10000^(2i/D)}, so a query-key product depends on how far apart the two tokens are.
 * Relative offsets make "the token after the one that matches" easy to attend to, which is how a model copies an
 * order number from the customer's message into its reply.
 */
final class RotaryEmbedding {
    private static final double BASE = 10_000.0;

    private final int headSize;
    private final float[] inverseFrequencies;

    /**
     * @param headSize D, even
     */
    RotaryEmbedding(int headSize) {
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("rotary embedding needs an even head size, was " + headSize);
        }
        this.headSize = headSize;
        this.inverseFrequencies = new float[headSize / 2];
        for (int i = 0; i < headSize / 2; i++) {
            inverseFrequencies[i] = (float) (1.0 / Math.pow(BASE, 2.0 * i / headSize));
        }
    }

    /**
     * Turns every position of a sequence batch: {@code x} is (B, H, T, D) and position t is t.
     *
     * @param x queries or keys (B, H, T, D)
     * @return the turned array (B, H, T, D)
     */
    NDArray sequence(NDArray x) {
        long t = x.getShape().get(2);
        NDArray positions = x.getManager().arange(0f, (float) t, 1f, DataType.FLOAT32); // (T)
        return rotate(x, positions, new long[] {1, 1, t, headSize});
    }

    /**
     * Turns one position per row: {@code x} is (N, H, 1, D) and row i sits at {@code positions[i]}.
     *
     * @param x queries or keys (N, H, 1, D)
     * @param positions (N) int64
     * @return the turned array (N, H, 1, D)
     */
    NDArray rows(NDArray x, NDArray positions) {
        long n = x.getShape().get(0);
        return rotate(x, positions.toType(DataType.FLOAT32, false), new long[] {n, 1, 1, headSize});
    }

    private NDArray rotate(NDArray x, NDArray positions, long[] tableShape) {
        int half = headSize / 2;
        NDArray frequencies = x.getManager().create(inverseFrequencies).reshape(1, half); // (1, D/2)
        NDArray angles = positions.reshape(-1, 1).matMul(frequencies); // (P, D/2)
        NDArray cos = NDArrays.concat(new ai.djl.ndarray.NDList(angles.cos(), angles.cos()), -1)
                .reshape(tableShape).toType(x.getDataType(), false); // broadcastable to x
        NDArray sin = NDArrays.concat(new ai.djl.ndarray.NDList(angles.sin(), angles.sin()), -1)
                .reshape(tableShape).toType(x.getDataType(), false); // broadcastable to x
        NDArray first = x.get("..., 0:" + half); // (.., D/2)
        NDArray second = x.get("..., " + half + ":"); // (.., D/2)
        NDArray turned = NDArrays.concat(new ai.djl.ndarray.NDList(second.neg(), first), -1); // (.., D)
        return x.mul(cos).add(turned.mul(sin));
    }
}
