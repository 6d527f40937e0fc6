package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.testing.TinyModels;
import org.junit.jupiter.api.Test;

class GptShapesTest {

    @Test
    void shouldGiveEachBlockItsDocumentedOutputShape() {
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 5, 16)); // (B, T, C)
            NDArray mask = manager.zeros(new Shape(5, 5));

            Mlp mlp = Mlp.builder().setWidth(16).build();
            mlp.initialize(manager, DataType.FLOAT32, x.getShape());
            assertThat(mlp.forward(store, new NDList(x), false).head().getShape()).isEqualTo(new Shape(2, 5, 16));

            CausalSelfAttention attention = CausalSelfAttention.builder().setWidth(16).setHeads(4).build();
            attention.initialize(manager, DataType.FLOAT32, x.getShape(), mask.getShape());
            NDList attended = attention.forward(store, new NDList(x, mask), false);
            assertThat(attended.get(0).getShape()).isEqualTo(new Shape(2, 5, 16));
            assertThat(attended.get(1).getShape()).isEqualTo(new Shape(2, 4, 5, 4));
            assertThat(attended.get(2).getShape()).isEqualTo(new Shape(2, 4, 5, 4));

            TransformerBlock block = TransformerBlock.builder().setWidth(16).setHeads(4).build();
            block.initialize(manager, DataType.FLOAT32, x.getShape(), mask.getShape());
            assertThat(block.forward(store, new NDList(x, mask), false).get(0).getShape())
                    .isEqualTo(new Shape(2, 5, 16));

            TokenEmbedding wte = TokenEmbedding.builder().setVocabSize(7).setWidth(16).build();
            wte.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
            NDArray ids = manager.zeros(new Shape(2, 5), DataType.INT64);
            assertThat(wte.forward(store, new NDList(ids), false).head().getShape()).isEqualTo(new Shape(2, 5, 16));
            assertThat(wte.logits(store, x, false).getShape()).isEqualTo(new Shape(2, 5, 7));
        }
    }

    @Test
    void shouldMapTokenIdsToLogitsAndCacheCallsToTheirShapes() {
        try (LanguageModel model = TinyModels.create(16, 1);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(model.manager(), model.config(), 3, 16)) {
            ParameterStore store = model.inferenceStore(manager);
            NDArray ids = manager.ones(new Shape(2, 6), DataType.INT64);
            NDArray logits = model.block().forward(store, new NDList(ids), false).head();
            assertThat(logits.getShape()).isEqualTo(new Shape(2, 6, 260));

            NDArray prefilled = model.block().prefill(store, manager.ones(new Shape(1, 4), DataType.INT64), cache, 1);
            assertThat(prefilled.getShape()).isEqualTo(new Shape(1, 260));

            NDArray step = model.block().decode(store, manager.ones(new Shape(2, 1), DataType.INT64),
                    manager.create(new long[] {4, 4}), manager.zeros(new Shape(2, 1, 1, 5)), cache);
            assertThat(step.getShape()).isEqualTo(new Shape(2, 260));
            assertThat(cache.layer(0).keys().getShape()).isEqualTo(new Shape(3, 2, 16, 8));
        }
    }

    @Test
    void shouldRefuseASequenceLongerThanTheContext() {
        try (LanguageModel model = TinyModels.create(8, 1); NDManager manager = model.manager().newSubManager()) {
            NDArray ids = manager.ones(new Shape(1, 9), DataType.INT64);
            assertThatThrownBy(() -> model.block().forward(model.inferenceStore(manager), new NDList(ids), false))
                    .hasMessage("sequence of 9 tokens exceeds the context length 8");
        }
    }

    @Test
    void shouldRefuseAWidthThatHeadsCannotShare() {
        assertThatThrownBy(() -> new GptConfig(260, 16, 2, 3, 16, 0f))
                .hasMessage("width must be a positive multiple of heads (3), was 16");
    }
}
