package io.kefu.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.KvCache;
import io.kefu.model.tokenizer.SpecialToken;
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

    int maxLength() {
        return cache.maxLength();
    }

    CompletableFuture<LanguageModel> drained() {
        return drained;
    }

    /**
     * Returns how many more sequences fit.
     *
     * @return free slots
     */
    int freeSlots() {
        return cache.maxBatch() - active.size();
    }

    /**
     * Prefills new sequences together into the next free slots and picks each one's first token;
     * those that finish at once (an immediate {@code <|end|>} or a limit of one token) leave again.
     *
     * @param states the new sequences, at most {@link #freeSlots()}
     * @param newFutures their futures, in the same order
     * @return tokens picked
     */
    int join(List<SequenceState> states, List<CompletableFuture<GenerationResult>> newFutures) {
        int b = states.size();
        if (b == 0) {
            return 0;
        }
        int first = active.size();
        int longest = 0;
        long[] lengths = new long[b];
        for (int i = 0; i < b; i++) {
            lengths[i] = states.get(i).prompt().length;
            longest = Math.max(longest, states.get(i).prompt().length);
        }
        long[] ids = new long[b * longest];
        Arrays.fill(ids, SpecialToken.PAD.id());
        for (int i = 0; i < b; i++) {
            int[] prompt = states.get(i).prompt();
            for (int j = 0; j < prompt.length; j++) {
                ids[i * longest + j] = prompt[j];
            }
        }
        float[] logits;
        try (NDManager step = model.manager().newSubManager()) {
            logits = model.block().prefill(store, step.create(ids, new Shape(b, longest)), lengths, cache, first)
                    .logSoftmax(-1).toFloatArray(); // (B, V)
        }
        boolean[] finished = new boolean[first + b];
        for (int i = 0; i < b; i++) {
            SequenceState state = states.get(i);
            state.prefilled();
            finished[first + i] = state.accept(logits, i * vocab, vocab);
            active.add(state);
            futures.add(newFutures.get(i));
        }
        retire(finished);
        return b;
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
                    cache).logSoftmax(-1).toFloatArray(); // (N, V)
        }
        boolean[] finished = new boolean[n];
        for (int i = 0; i < n; i++) {
            SequenceState state = active.get(i);
            state.advanced();
            finished[i] = state.accept(logits, i * vocab, vocab);
        }
        retire(finished);
        return n;
    }

    private void retire(boolean[] finished) {
        long now = System.nanoTime();
        for (int i = finished.length - 1; i >= 0; i--) {
            if (finished[i]) {
                futures.get(i).complete(active.get(i).result(model, now));
                removeSlot(i);
            }
        }
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
