package io.kefu.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.KvCache;
import java.util.Arrays;
import java.util.List;

/**
 * Generates one reply at a time on the calling thread, with the KV cache or, for comparison, by
 * recomputing the whole sequence for every token. Not thread-safe.
 */
public final class Generator {

    private final LanguageModel model;

    /**
     * Creates a generator.
     *
     * @param model the model
     */
    public Generator(LanguageModel model) {
        this.model = model;
    }

    /**
     * Generates a reply with the KV cache: one prefill, then one single-token step per token.
     *
     * @param request the request
     * @return the reply
     */
    public GenerationResult generate(GenerationRequest request) {
        long start = System.nanoTime();
        int maxLength = model.config().contextLength();
        SequenceState state = new SequenceState(request, SequenceState.encodePrompt(model, request, maxLength),
                maxLength, start);
        try (NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(manager, model.config(), 1, maxLength)) {
            ParameterStore store = model.inferenceStore(manager);
            boolean done;
            try (NDManager step = manager.newSubManager()) {
                NDArray logits = model.block().prefill(store, step.create(new long[][] {toLong(state.prompt())}),
                        cache, 0); // (1, V)
                state.prefilled();
                done = SequenceState.acceptRows(logits, List.of(state))[0];
            }
            while (!done) {
                try (NDManager step = manager.newSubManager()) {
                    int position = state.cached();
                    NDArray logits = model.block().decode(store,
                            step.create(new long[] {state.pending()}, new Shape(1, 1)),
                            step.create(new long[] {position}),
                            step.zeros(new Shape(1, 1, 1, position + 1)), cache); // (1, V)
                    state.advanced();
                    done = SequenceState.acceptRows(logits, List.of(state))[0];
                }
            }
        }
        return state.result(model, System.nanoTime());
    }

    /**
     * Generates a reply by running the full sequence through the model for every new token.
     *
     * @param request the request
     * @return the reply
     */
    public GenerationResult generateWithoutCache(GenerationRequest request) {
        long start = System.nanoTime();
        int maxLength = model.config().contextLength();
        SequenceState state = new SequenceState(request, SequenceState.encodePrompt(model, request, maxLength),
                maxLength, start);
        int vocab = model.config().vocabSize();
        long[] sequence = toLong(state.prompt());
        try (NDManager manager = model.manager().newSubManager()) {
            ParameterStore store = model.inferenceStore(manager);
            boolean done = false;
            while (!done) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray ids = step.create(new long[][] {sequence}); // (1, T)
                    NDArray logits = model.block().forward(store, new NDList(ids), false).head(); // (1, T, V)
                    float[] last = logits.get(0, sequence.length - 1).logSoftmax(-1).toFloatArray(); // (V)
                    state.seen(sequence.length);
                    done = state.accept(last, 0, vocab);
                }
                if (!done) {
                    sequence = Arrays.copyOf(sequence, sequence.length + 1);
                    sequence[sequence.length - 1] = state.pending();
                }
            }
        }
        return state.result(model, System.nanoTime());
    }

    static long[] toLong(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }
}
