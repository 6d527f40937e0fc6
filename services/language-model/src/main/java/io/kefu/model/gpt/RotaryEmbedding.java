package io.kefu.model.gpt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * Rotary position embedding (RoPE) of queries and keys: each pair of channels {@code (i, i + D/2)} of a head is turned
 * by the angle {@code position / 10000^(2i/D)}, so a query-key product depends on how far apart the two tokens are.
 * Relative offsets make "the token after the one that matches" easy to attend to, which is how a model copies an
 * order number from the customer's message into its reply.
 *
 * <p>The cosine and sine of every position up to the context length are computed once per device; turning an array
 * is then a lookup and four operations ({@code x·cos + (x·R)·sin}, R the fixed half-rotation), which keeps the
 * per-step cost of small decode batches low. Lookups are made into the caller's manager, so nothing a step computes
 * stays attached to the tables.
 */
final class RotaryEmbedding {
    private static final double BASE = 10_000.0;

    private final int headSize;
    private final int contextLength;
    private final Map<Device, Tables> tables = new HashMap<>();

    /** The precomputed arrays on one device; they live as long as the block. */
    private record Tables(NDArray cos, NDArray sin, NDArray halfTurn) {}

    /**
     * @param headSize D, even
     * @param contextLength the most positions a sequence has
     */
    RotaryEmbedding(int headSize, int contextLength) {
        if (headSize % 2 != 0) {
            throw new IllegalArgumentException("rotary embedding needs an even head size, was " + headSize);
        }
        this.headSize = headSize;
        this.contextLength = contextLength;
    }

    /**
     * Turns every position of sequence batches: each array is (B, H, T, D) and position t is t. The table lookup is
     * made once for all of them (queries and keys of one layer).
     *
     * @param xs queries and/or keys, each (B, H, T, D) on one device and manager
     * @return the turned arrays, in order
     */
    NDArray[] sequence(NDArray... xs) {
        long t = xs[0].getShape().get(2);
        NDIndex first = new NDIndex("0:{}", t);
        return turnAll(xs, first, new Shape(1, 1, t, headSize));
    }

    /**
     * Turns one position per row: each array is (N, H, 1, D) and row i sits at {@code positions[i]}. The table lookup
     * is made once for all of them.
     *
     * @param positions (N) int64
     * @param xs queries and/or keys, each (N, H, 1, D) on one device and manager
     * @return the turned arrays, in order
     */
    NDArray[] rows(NDArray positions, NDArray... xs) {
        long n = xs[0].getShape().get(0);
        return turnAll(xs, new NDIndex("{}", positions), new Shape(n, 1, 1, headSize));
    }

    private NDArray[] turnAll(NDArray[] xs, NDIndex index, Shape shape) {
        NDArray x0 = xs[0];
        Tables table = tables(x0.getDevice());
        NDArray cos = table.cos().get(x0.getManager(), index).reshape(shape);
        NDArray sin = table.sin().get(x0.getManager(), index).reshape(shape);
        NDArray[] turned = new NDArray[xs.length];
        for (int i = 0; i < xs.length; i++) {
            turned[i] = turn(xs[i], cos, sin, table);
        }
        return turned;
    }

    /** How many arrays the long-lived tables hold on every device together: 3 per device used, whatever the calls. */
    synchronized int retainedArrays() {
        return tables.values().stream().mapToInt(t -> t.cos().getManager().getManagedArrays().size()).sum();
    }

    /** Every result and intermediate belongs to {@code x}'s manager, never to the tables', which live on. */
    private static NDArray turn(NDArray x, NDArray cos, NDArray sin, Tables table) {
        return x.mul(cos).add(x.matMul(table.halfTurn()).mul(sin));
    }

    private synchronized Tables tables(Device device) {
        return tables.computeIfAbsent(device, this::build);
    }

    private Tables build(Device device) {
        int half = headSize / 2;
        float[] cos = new float[contextLength * headSize];
        float[] sin = new float[contextLength * headSize];
        for (int p = 0; p < contextLength; p++) {
            for (int i = 0; i < half; i++) {
                double angle = p / Math.pow(BASE, 2.0 * i / headSize);
                cos[p * headSize + i] = (float) Math.cos(angle);
                cos[p * headSize + i + half] = (float) Math.cos(angle);
                sin[p * headSize + i] = (float) Math.sin(angle);
                sin[p * headSize + i + half] = (float) Math.sin(angle);
            }
        }
        // x·R = (-x2, x1): column j < D/2 takes -x[j + D/2], column j >= D/2 takes x[j - D/2].
        float[] halfTurn = new float[headSize * headSize];
        for (int j = 0; j < half; j++) {
            halfTurn[(j + half) * headSize + j] = -1f;
            halfTurn[j * headSize + j + half] = 1f;
        }
        NDManager manager = NDManager.newBaseManager(device);
        Tables built = new Tables(manager.create(cos, new Shape(contextLength, headSize)),
                manager.create(sin, new Shape(contextLength, headSize)),
                manager.create(halfTurn, new Shape(headSize, headSize)));
        manager.cap(); // anything attached later would grow with every step; fail at once instead
        return built;
    }
}
