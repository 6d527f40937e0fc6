package io.kefu.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One model version's share of the engine: its KV cache and the sequences it is decoding, kept in
 * cache slots 0..N-1. Only the decode-loop thread touches it.
 */
final class Lane implements AutoCloseable {

    private final LanguageModel model;
    private final KvCache cache;
    private final ParameterStore store;
    private final int vocab;
    private final List<SequenceState> active = new ArrayList<>();
    private final List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
    private final CompletableFuture<LanguageModel> drained = new CompletableFuture<>();

    Lane(LanguageModel model, int maxBatch, int maxLength) {
        this.model = model;
        this.cache = new KvCache(model.manager(), model.config(), maxBatch, maxLength);
        this.store = model.inferenceStore(model.manager());
        this.vocab = model.config().vocabSize();
    }

    LanguageModel model() {
        return model;
    }

    int activeCount() {
        return active.size();
    }

    boolean hasFreeSlot() {
        return active.size() < cache.maxBatch();
    }

    int maxLength() {
        return cache.maxLength();
    }

    CompletableFuture<LanguageModel> drained() {
        return drained;
    }

    /**
     * Prefills a new sequence into the next free slot and picks its first token.
     *
     * @return the number of tokens picked (1)
     */
    int join(SequenceState state, CompletableFuture<GenerationResult> future) {
        int slot = active.size();
        boolean done;
        try (NDManager step = model.manager().newSubManager()) {
            NDArray ids = step.create(Generator.toLong(state.prompt()), new Shape(1, state.prompt().length));
            NDArray logits = model.block().prefill(store, ids, cache, slot); // (1, V)
            state.prefilled();
            done = state.accept(logits.toFloatArray(), 0, vocab);
        }
        if (done) {
            future.complete(state.result(model, System.nanoTime()));
        } else {
            active.add(state);
            futures.add(future);
        }
        return 1;
    }

    /**
     * Runs one decode step for every active sequence and retires those that finished.
     *
     * @return tokens picked
     */
    int step() {
        int n = active.size();
        if (n == 0) {
            return 0;
        }
        long[] tokens = new long[n];
        long[] positions = new long[n];
        int span = 0;
        for (int i = 0; i < n; i++) {
            SequenceState state = active.get(i);
            tokens[i] = state.pending();
            positions[i] = state.cached();
            span = Math.max(span, state.cached() + 1);
        }
        // Attend only up to the longest active sequence, so a step's cost grows with position.
        float[] mask = new float[n * span];
        for (int i = 0; i < n; i++) {
            Arrays.fill(mask, i * span + (int) positions[i] + 1, (i + 1) * span, Float.NEGATIVE_INFINITY);
        }
        float[] logits;
        try (NDManager step = model.manager().newSubManager()) {
            logits = model.block().decode(store,
                    step.create(tokens, new Shape(n, 1)), // (N, 1)
                    step.create(positions), // (N)
                    step.create(mask, new Shape(n, 1, 1, span)), // (N, 1, 1, S)
                    cache).toFloatArray(); // (N, V)
        }
        boolean[] finished = new boolean[n];
        for (int i = 0; i < n; i++) {
            SequenceState state = active.get(i);
            state.advanced();
            finished[i] = state.accept(logits, i * vocab, vocab);
        }
        long now = System.nanoTime();
        for (int i = n - 1; i >= 0; i--) {
            if (finished[i]) {
                futures.get(i).complete(active.get(i).result(model, now));
                removeSlot(i);
            }
        }
        return n;
    }

    /** Fails every active sequence, e.g. after a step threw. */
    void failAll(Throwable cause) {
        for (CompletableFuture<GenerationResult> future : futures) {
            future.completeExceptionally(cause);
        }
        active.clear();
        futures.clear();
    }

    private void removeSlot(int slot) {
        int last = active.size() - 1;
        if (slot != last) {
            cache.moveSlot(last, slot, active.get(last).cached());
            active.set(slot, active.get(last));
            futures.set(slot, futures.get(last));
        }
        active.remove(last);
        futures.remove(last);
    }

    /** Frees the cache and reports the lane's model as no longer in use. */
    @Override
    public void close() {
        cache.close();
        drained.complete(model);
    }
}
