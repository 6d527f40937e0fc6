package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import io.kefu.model.PyTorchRuntime;
import org.junit.jupiter.api.Test;

class GradientClipperTest {

    @Test
    void shouldScaleAllGradientsTogetherToTheMaximumGlobalNorm() {
        Engine engine = PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // Given y = w . x + b with x = [3, 4]: dL/dw = [3, 4], dL/db = 1, global norm sqrt(26)
            Linear linear = Linear.builder().setUnits(1).build();
            linear.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray y = linear.forward(new ParameterStore(manager, false),
                        new NDList(manager.create(new float[] {3f, 4f}, new Shape(1, 2))), true).head();
                collector.backward(y.sum());
            }
            // When clipped to norm 1
            float norm;
            try (NDManager scratch = manager.newSubManager()) {
                norm = new GradientClipper(1f).clip(linear.getParameters(), scratch);
            }
            // Then the reported norm is sqrt(26) and the gradients are divided by it
            assertThat(norm).isCloseTo((float) Math.sqrt(26), within(1e-5f));
            float scale = (float) (1 / Math.sqrt(26));
            assertThat(linear.getParameters().get("weight").getArray().getGradient().toFloatArray())
                    .containsExactly(new float[] {3 * scale, 4 * scale}, within(1e-5f));
            assertThat(linear.getParameters().get("bias").getArray().getGradient().toFloatArray())
                    .containsExactly(new float[] {scale}, within(1e-5f));
        }
    }
}
