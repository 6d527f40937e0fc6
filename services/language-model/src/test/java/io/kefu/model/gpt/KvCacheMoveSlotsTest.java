package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.TinyModels;
import org.junit.jupiter.api.Test;

class KvCacheMoveSlotsTest {

    @Test
    void shouldMoveSeveralSlotsInEveryLayerAndLeaveTheOthersAlone() {
        try (LanguageModel model = TinyModels.create(8, 3);
                NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(manager, model.config(), 4, 8)) {
            // Given slot s of every layer filled with the value 10 * layer + s (keys) and its negative (values)
            GptConfig config = model.config();
            Shape slot = new Shape(1, config.heads(), 8, config.headSize()); // (1, H, T, D)
            for (int layer = 0; layer < config.layers(); layer++) {
                for (int s = 0; s < 4; s++) {
                    NDArray keys = manager.full(slot, 10f * layer + s, DataType.FLOAT32);
                    cache.write(layer, s, keys, keys.neg());
                }
            }
            // When slots 3 and 2 move into slots 0 and 1, for their first 5 positions
            cache.moveSlots(new int[] {3, 2}, new int[] {0, 1}, 5);
            // Then those positions hold the moved values, the positions after them and slot 2 and 3 are unchanged
            for (int layer = 0; layer < config.layers(); layer++) {
                LayerCache layerCache = cache.layer(layer);
                assertThat(first(layerCache.keys(), 0, "0:5")).isEqualTo(10f * layer + 3);
                assertThat(first(layerCache.values(), 0, "0:5")).isEqualTo(-(10f * layer + 3));
                assertThat(first(layerCache.keys(), 1, "0:5")).isEqualTo(10f * layer + 2);
                assertThat(first(layerCache.keys(), 0, "5:8")).isEqualTo(10f * layer);
                assertThat(first(layerCache.keys(), 1, "5:8")).isEqualTo(10f * layer + 1);
                assertThat(first(layerCache.keys(), 2, "0:8")).isEqualTo(10f * layer + 2);
                assertThat(first(layerCache.keys(), 3, "0:8")).isEqualTo(10f * layer + 3);
            }
        }
    }

    @Test
    void shouldRejectMovesWithoutOneTargetPerSource() {
        try (LanguageModel model = TinyModels.create(8, 3);
                KvCache cache = new KvCache(model.manager(), model.config(), 4, 8)) {
            assertThatThrownBy(() -> cache.moveSlots(new int[] {3, 2}, new int[] {0}, 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("moveSlots needs as many targets as sources, were 2 and 1");
        }
    }

    /** Returns the single value a region holds, failing if it holds more than one. */
    private static float first(NDArray cache, int slot, String positions) {
        float[] values = cache.get(new NDIndex(slot + ", :, " + positions + ", :")).toFloatArray();
        assertThat(values).containsOnly(values[0]);
        return values[0];
    }
}
