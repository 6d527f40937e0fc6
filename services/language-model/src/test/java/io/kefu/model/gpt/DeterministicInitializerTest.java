package io.kefu.model.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import io.kefu.model.PyTorchRuntime;
import org.junit.jupiter.api.Test;

class DeterministicInitializerTest {

    @Test
    void shouldComputeTheHandDerivedMlpOutputWithConstantWeights() {
        // Given an MLP of width 2 whose fc weights are 0.5, proj weights 0.25, biases 0
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            Mlp mlp = Mlp.builder().setWidth(2).build();
            mlp.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
            mlp.residualProjection().setInitializer(new ConstantInitializer(0.25f), Parameter.Type.WEIGHT);
            mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 2));
            // When it reads x = [1, 1]
            NDArray y = mlp.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(new float[] {1f, 1f}, new Shape(1, 1, 2))), false).head();
            // Then each of the 8 hidden units is gelu(1) = 0.8413447 and each output 8 * 0.25 * gelu(1)
            assertThat(y.toFloatArray()).containsExactly(new float[] {1.6826894f, 1.6826894f}, within(1e-5f));
        }
    }

    @Test
    void shouldAttendCausallyWithTheHandDerivedSoftmaxWeights() {
        // Given one head of width 2 whose q, k, v and proj weights are all 0.5 (biases 0)
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            CausalSelfAttention attention = CausalSelfAttention.builder().setWidth(2).setHeads(1).build();
            attention.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
            attention.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 2), new Shape(2, 2));
            NDArray x = manager.create(new float[] {1f, 1f, 2f, 2f}, new Shape(1, 2, 2));
            NDArray mask = manager.create(new float[] {0f, Float.NEGATIVE_INFINITY, 0f, 0f}, new Shape(2, 2));
            // When it attends over x0 = [1, 1], x1 = [2, 2]
            NDArray y = attention.forward(new ParameterStore(manager, false), new NDList(x, mask), false).head();
            // Then q = k = v = [1, 1] and [2, 2]; position 0 sees only itself (y0 = 1); position 1
            // weighs v0 by 1 / (1 + e^(8/sqrt2 - 4/sqrt2)) = 0.0558072, so y1 = 2 - 0.0558072; proj
            // maps [a, a] to [a, a].
            float w0 = (float) (1.0 / (1.0 + Math.exp(4.0 / Math.sqrt(2.0))));
            float y1 = 2f - w0;
            assertThat(y.toFloatArray()).containsExactly(new float[] {1f, 1f, y1, y1}, within(1e-5f));
            assertThat(y1).isCloseTo(1.9441928f, within(1e-6f));
        }
    }
}
