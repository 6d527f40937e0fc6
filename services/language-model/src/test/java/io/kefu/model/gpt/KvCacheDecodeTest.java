package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.training.GradientCollector;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.TinyModels;
import io.kefu.model.tokenizer.BpeTokenizer;
import org.junit.jupiter.api.Test;

class KvCacheDecodeTest {

    @Test
    void shouldGiveTheSameLogitsFromTheCacheAsFromFullRecomputation() {
        // Given two sequences of different lengths prefilled into slots 0 and 1
        long[] first = {72, 101, 108, 108, 111, 33, 10, 65};
        long[] second = {87, 104, 121, 63, 32, 66, 67, 68};
        try (LanguageModel model = TinyModels.create(16, 7);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 2, 16)) {
            ParameterStore store = model.inferenceStore(manager);
            model.block().prefill(store, manager.create(new long[][] {slice(first, 0, 3)}), cache, 0);
            model.block().prefill(store, manager.create(new long[][] {slice(second, 0, 5)}), cache, 1);
            int[] lengths = {3, 5};
            // When both step together, one token each, until the first reaches 8 tokens
            for (int step = 0; step < 3; step++) {
                long[] tokens = {first[lengths[0]], second[lengths[1]]};
                int span = lengths[1] + 1;
                float[] mask = new float[2 * span];
                for (int row = 0; row < 2; row++) {
                    for (int j = lengths[row] + 1; j < span; j++) {
                        mask[row * span + j] = Float.NEGATIVE_INFINITY;
                    }
                }
                NDArray logits = model.block().decode(store, manager.create(tokens, new Shape(2, 1)),
                        manager.create(new long[] {lengths[0], lengths[1]}),
                        manager.create(mask, new Shape(2, 1, 1, span)), cache);
                // Then each row's logits equal a full forward pass over its whole prefix
                assertThat(logits.get(0).toFloatArray())
                        .containsExactly(lastLogits(model, store, manager, slice(first, 0, lengths[0] + 1)),
                                org.assertj.core.api.Assertions.within(1e-4f));
                assertThat(logits.get(1).toFloatArray())
                        .containsExactly(lastLogits(model, store, manager, slice(second, 0, lengths[1] + 1)),
                                org.assertj.core.api.Assertions.within(1e-4f));
                lengths[0]++;
                lengths[1] = Math.min(lengths[1] + 1, 7);
            }
        }
    }

    @Test
    void shouldGiveEachRightPaddedPromptTheLogitsOfAFullForwardPassAtItsOwnEnd() {
        // Given three prompts of 8, 3 and 5 tokens, right-padded to 8 in one batch
        long[][] prompts = {{72, 101, 108, 108, 111, 33, 10, 65}, {87, 104, 121}, {66, 67, 68, 69, 70}};
        long[] padded = new long[3 * 8];
        for (int row = 0; row < 3; row++) {
            System.arraycopy(prompts[row], 0, padded, row * 8, prompts[row].length);
        }
        try (LanguageModel model = TinyModels.create(16, 11);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 4, 16)) {
            ParameterStore store = model.inferenceStore(manager);
            // When they are prefilled together into slots 1..3
            NDArray logits = model.block().prefill(store, manager.create(padded, new Shape(3, 8)),
                    new long[] {8, 3, 5}, cache, 1); // (3, V)
            // Then each row predicts what a full forward pass over that prompt alone predicts
            assertThat(logits.getShape()).isEqualTo(new Shape(3, model.config().vocabSize()));
            for (int row = 0; row < 3; row++) {
                assertThat(logits.get(row).toFloatArray()).as("row %d", row)
                        .containsExactly(lastLogits(model, store, manager, prompts[row]),
                                org.assertj.core.api.Assertions.within(1e-4f));
            }
        }
    }

    @Test
    void shouldGiveTheSameLogitsFromTheCacheAsFromFullRecomputationWithoutTheRotaryEmbedding() {
        // Given a model as written before the rotary embedding existed (learned positions only)
        GptConfig learnedOnly = new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), 16, 2, 2, 16, 0f, false);
        long[] prompt = {72, 101, 108, 108, 111};
        try (LanguageModel model = LanguageModel.initialize("tiny", "v1", learnedOnly, BpeTokenizer.bytesOnly(),
                        Device.cpu(), 5);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 1, 16)) {
            ParameterStore store = model.inferenceStore(manager);
            model.block().prefill(store, manager.create(new long[][] {slice(prompt, 0, 4)}), cache, 0);
            // When the fifth token is decoded against the cache
            NDArray logits = model.block().decode(store, manager.create(new long[] {prompt[4]}, new Shape(1, 1)),
                    manager.create(new long[] {4}), manager.zeros(new Shape(1, 1, 1, 5)), cache);
            // Then its logits equal a full forward pass over the five tokens
            assertThat(logits.get(0).toFloatArray())
                    .containsExactly(lastLogits(model, store, manager, prompt), org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

    @Test
    void shouldKeepNoAutogradHistoryInTheCacheWhenTheParametersStillTrackGradients() {
        // Given a model whose parameters track gradients, as a trained model's still do, on a thread recording
        // autograd history (PyTorch's default on every thread but the one that loaded the engine)
        long[] prompt = {72, 101, 108, 108, 111};
        try (LanguageModel model = TinyModels.create(16, 3);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 1, 16)) {
            model.block().getParameters().forEach(p -> p.getValue().getArray().setRequiresGradient(true));
            ParameterStore store = model.inferenceStore(manager);
            boolean recording = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                // When a prompt is prefilled and a token decoded
                NDArray prefilled = model.block().prefill(store,
                        manager.create(new long[][] {slice(prompt, 0, 4)}), cache, 0);
                NDArray decoded = model.block().decode(store,
                        manager.create(new long[] {prompt[4]}, new Shape(1, 1)), manager.create(new long[] {4}),
                        manager.zeros(new Shape(1, 1, 1, 5)), cache);
                // Then neither the logits nor any cached keys or values carry a graph to back-propagate through
                assertNoHistory(prefilled, "prefill logits");
                assertNoHistory(decoded, "decode logits");
                for (int layer = 0; layer < model.config().layers(); layer++) {
                    assertNoHistory(cache.layer(layer).keys(), "cached keys of layer " + layer);
                    assertNoHistory(cache.layer(layer).values(), "cached values of layer " + layer);
                }
                // And the thread records history again afterwards
                JniUtils.setGradMode(true);
                model.block().prefill(store, manager.create(new long[][] {slice(prompt, 0, 4)}), cache, 0);
                assertThat(JniUtils.isGradMode()).isTrue();
            } finally {
                JniUtils.setGradMode(recording);
            }
        }
    }

    private static void assertNoHistory(NDArray array, String what) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            assertThatThrownBy(() -> collector.backward(array.sum())).as(what)
                    .isInstanceOf(EngineException.class).hasMessageContaining("does not have a grad_fn");
        }
    }

    private static float[] lastLogits(LanguageModel model, ParameterStore store, NDManager manager, long[] prefix) {
        NDArray logits = model.block().forward(store, new NDList(manager.create(new long[][] {prefix})), false)
                .head(); // (1, T, V)
        return logits.get(0, prefix.length - 1).toFloatArray();
    }

    private static long[] slice(long[] values, int from, int to) {
        return java.util.Arrays.copyOfRange(values, from, to);
    }
}
