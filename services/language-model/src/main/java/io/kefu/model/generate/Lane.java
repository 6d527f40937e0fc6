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
    private final List<SequenceState> active = new ArrayList<>();
    private final List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
    private final CompletableFuture<LanguageModel> drained = new CompletableFuture<>();

    Lane(LanguageModel model, int maxBatch, int maxLength) {
        this.model = model;
        this.cache = new KvCache(model.manager(), model.config(), maxBatch, maxLength);
        this.store = model.inferenceStore(model.manager());
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
     * Prefills new sequences into the next free slots, in groups of similar prompt length (see
     * {@link PrefillGroups}), and picks each one's first token; those that finish at once (an
     * immediate {@code <|end|>} or a limit of one token) leave again.
     *
     * @param states the new sequences, at most {@link #freeSlots()}
     * @param newFutures their futures, in the same order
     * @return prefill forward passes run
     */
    int join(List<SequenceState> states, List<CompletableFuture<GenerationResult>> newFutures) {
        int b = states.size();
        if (b == 0) {
            return 0;
        }
        int[] lengths = new int[b];
        for (int i = 0; i < b; i++) {
            lengths[i] = states.get(i).prompt().length;
        }
        PrefillGroups groups = PrefillGroups.plan(lengths, PrefillGroups.PASS_COST_TOKENS);
        int first = active.size();
        boolean[] finished = new boolean[first + b];
        for (int g = 0; g < groups.count(); g++) {
            List<SequenceState> rows = new ArrayList<>();
            for (int r = groups.start(g); r < groups.ends()[g]; r++) {
                SequenceState state = states.get(groups.order()[r]);
                state.prefilled();
                rows.add(state);
            }
            boolean[] done = prefill(rows, first + groups.start(g));
            System.arraycopy(done, 0, finished, first + groups.start(g), done.length);
        }
        for (int r = 0; r < b; r++) {
            active.add(states.get(groups.order()[r]));
            futures.add(newFutures.get(groups.order()[r]));
        }
        retire(finished);
        return groups.count();
    }

    /** Prefills one group of prompts, shortest first, into consecutive slots and picks each one's first token. */
    private boolean[] prefill(List<SequenceState> rows, int firstSlot) {
        int b = rows.size();
        int longest = rows.get(b - 1).prompt().length;
        long[] lengths = new long[b];
        long[] ids = new long[b * longest];
        Arrays.fill(ids, SpecialToken.PAD.id());
        for (int i = 0; i < b; i++) {
            int[] prompt = rows.get(i).prompt();
            lengths[i] = prompt.length;
            for (int j = 0; j < prompt.length; j++) {
                ids[i * longest + j] = prompt[j];
            }
        }
        try (NDManager step = model.manager().newSubManager()) {
            return SequenceState.acceptRows(
                    model.block().prefill(store, step.create(ids, new Shape(b, longest)), lengths, cache, firstSlot),
                    rows); // logits (B, V)
        }
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
        boolean[] finished;
        try (NDManager step = model.manager().newSubManager()) {
            NDArray logits = model.block().decode(store,
                    step.create(tokens, new Shape(n, 1)), // (N, 1)
                    step.create(positions), // (N)
                    step.create(mask, new Shape(n, 1, 1, span)), // (N, 1, 1, S)
                    cache); // (N, V)
            for (SequenceState state : active) {
                state.advanced();
            }
            finished = SequenceState.acceptRows(logits, active);
        }
        retire(finished);
        return n;
    }

    private void retire(boolean[] finished) {
        int n = active.size();
        int kept = 0;
        for (boolean done : finished) {
            kept += done ? 0 : 1;
        }
        if (kept == n) {
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (finished[i]) {
                futures.get(i).complete(active.get(i).result(model, now));
            }
        }
        // Survivors beyond the kept prefix fill the holes inside it, all layers in one copy each.
        int moves = 0;
        int[] from = new int[n - kept];
        int[] to = new int[n - kept];
        int longest = 0;
        int hole = 0;
        for (int i = kept; i < n; i++) {
            if (!finished[i]) {
                while (!finished[hole]) {
                    hole++;
                }
                from[moves] = i;
                to[moves] = hole++;
                longest = Math.max(longest, active.get(i).cached());
                moves++;
            }
        }
        cache.moveSlots(Arrays.copyOf(from, moves), Arrays.copyOf(to, moves), longest);
        for (int m = 0; m < moves; m++) {
            active.set(to[m], active.get(from[m]));
            futures.set(to[m], futures.get(from[m]));
        }
        active.subList(kept, n).clear();
        futures.subList(kept, n).clear();
    }

    /** Fails every active sequence, e.g. after a step threw. */
    void failAll(Throwable cause) {
        for (CompletableFuture<GenerationResult> future : futures) {
            future.completeExceptionally(cause);
        }
        active.clear();
        futures.clear();
    }

    /** Frees the cache and reports the lane's model as no longer in use. */
    @Override
    public void close() {
        cache.close();
        drained.complete(model);
    }
}
