package io.kefu.model.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Orders examples into batches of similar length (less padding), in a seeded random order.
 *
 * <p>Each epoch shuffles the examples, sorts windows of 32 batches by length, cuts them into
 * batches and shuffles the batch order.
 */
public final class BatchPlan {

    private static final int WINDOW_BATCHES = 32;

    private final List<EncodedExample> examples;
    private final int batchSize;
    private final Random random;
    private final List<List<EncodedExample>> pending = new ArrayList<>();

    /**
     * Creates a plan.
     *
     * @param examples the examples (at least one)
     * @param batchSize examples per batch
     * @param seed shuffling seed
     */
    public BatchPlan(List<EncodedExample> examples, int batchSize, long seed) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples fit the context length");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, was " + batchSize);
        }
        this.examples = List.copyOf(examples);
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    /**
     * Returns the next batch, starting a new epoch when the current one is used up.
     *
     * @return the batch's examples
     */
    public List<EncodedExample> next() {
        if (pending.isEmpty()) {
            refill();
        }
        return pending.remove(pending.size() - 1);
    }

    private void refill() {
        List<EncodedExample> order = new ArrayList<>(examples);
        Collections.shuffle(order, random);
        int window = batchSize * WINDOW_BATCHES;
        for (int start = 0; start < order.size(); start += window) {
            List<EncodedExample> part = new ArrayList<>(order.subList(start, Math.min(order.size(), start + window)));
            part.sort(Comparator.comparingInt(example -> example.sequence().length()));
            for (int from = 0; from < part.size(); from += batchSize) {
                pending.add(part.subList(from, Math.min(part.size(), from + batchSize)));
            }
        }
        Collections.shuffle(pending, random);
    }
}
