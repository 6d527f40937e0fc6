package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.TinyModels;
import io.kefu.model.tokenizer.BpeTokenizer;
import org.junit.jupiter.api.Test;

class CopyAttentionTest {

    @Test
    void shouldPutTheTwoPrecedingTokensIntoTheFirstLayersKeysSoPromptsDifferingOnlyThereGiveDifferentKeys() {
        // Given the same model shape with and without copy attention
        for (boolean copyAttention : new boolean[] {true, false}) {
            GptConfig config = new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), 16, 2, 2, 16, 0f, true,
                    copyAttention);
            try (LanguageModel model = LanguageModel.initialize("tiny", "v1", config, BpeTokenizer.bytesOnly(),
                            Device.cpu(), 7);
                    NDManager manager = model.manager().newSubManager();
                    KvCache cache = new KvCache(model.manager(), model.config(), 2, 16)) {
                ParameterStore store = model.inferenceStore(manager);
                // When two prompts that differ only in their first token are prefilled
                model.block().prefill(store, manager.create(new long[][] {{65, 66, 67, 68}}), cache, 0);
                model.block().prefill(store, manager.create(new long[][] {{90, 66, 67, 68}}), cache, 1);
                // Then the first layer's keys at positions 1 and 2 (one and two after the difference) differ exactly
                // with copy attention, since that layer otherwise sees only a position's own token and position;
                // position 3 is three after it and the same either way
                for (int position = 1; position <= 3; position++) {
                    float[] first = key(cache, 0, position);
                    float[] second = key(cache, 1, position);
                    if (copyAttention && position < 3) {
                        assertThat(first).as("position %d", position).isNotEqualTo(second);
                    } else {
                        assertThat(first).as("position %d", position).containsExactly(second);
                    }
                }
                // And the values, which do not carry preceding tokens, are the same either way
                assertThat(cache.layer(0).values().get(new NDIndex("0, :, 1, :")).toFloatArray())
                        .containsExactly(cache.layer(0).values().get(new NDIndex("1, :, 1, :")).toFloatArray());
            }
        }
    }

    @Test
    void shouldDecodeFromAOneTokenPromptAsAFullForwardPassDoesWhereNoTokenIsTwoBefore() {
        // Given a one-token prompt in a model with copy attention
        long[] sequence = {72, 105, 33, 10};
        try (LanguageModel model = TinyModels.create(16, 13);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 1, 16)) {
            assertThat(model.config().copyAttention()).isTrue();
            ParameterStore store = model.inferenceStore(manager);
            model.block().prefill(store, manager.create(new long[][] {{sequence[0]}}), cache, 0);
            // When the next three tokens are decoded one at a time (position 1 has a token before it but none two
            // before)
            for (int position = 1; position < sequence.length; position++) {
                NDArray logits = model.block().decode(store,
                        manager.create(new long[] {sequence[position]}, new Shape(1, 1)),
                        manager.create(new long[] {position}), manager.zeros(new Shape(1, 1, 1, position + 1)), cache);
                // Then each step's logits equal a full forward pass over the prefix
                long[] prefix = java.util.Arrays.copyOf(sequence, position + 1);
                NDArray full = model.block().forward(store, new NDList(manager.create(new long[][] {prefix})), false)
                        .head().get(0, position); // (V)
                assertThat(logits.get(0).toFloatArray()).as("position %d", position)
                        .containsExactly(full.toFloatArray(), within(1e-4f));
            }
        }
    }

    private static float[] key(KvCache cache, int slot, int position) {
        return cache.layer(0).keys().get(new NDIndex("{}, :, {}, :", slot, position)).toFloatArray();
    }

    @Test
    void shouldReadAConfigWrittenBeforeCopyAttentionAsWithoutIt() throws Exception {
        // Given config.json of an artifact with the rotary embedding but no copyAttention field
        String earlier = "{\"vocabSize\":1460,\"contextLength\":256,\"layers\":4,\"heads\":6,\"width\":192,"
                + "\"dropout\":0.0,\"rotary\":true}";
        ObjectMapper json = new ObjectMapper();
        // When it is read, and a new default config is written and read back
        GptConfig read = json.readValue(earlier, GptConfig.class);
        GptConfig fresh = GptConfig.defaults(1460);
        // Then the earlier one keeps its shape (and parameter count) and the new one has copy attention
        assertThat(read).isEqualTo(new GptConfig(1460, 256, 4, 6, 192, 0f, true, false));
        assertThat(read.parameterCount()).isEqualTo(fresh.parameterCount() - 3L * 192 * 192);
        assertThat(fresh.copyAttention()).isTrue();
        assertThat(json.readValue(json.writeValueAsString(fresh), GptConfig.class)).isEqualTo(fresh);
    }
}
