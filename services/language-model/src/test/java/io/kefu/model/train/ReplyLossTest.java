package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.kefu.model.PyTorchRuntime;
import org.junit.jupiter.api.Test;

class ReplyLossTest {

    @Test
    void shouldWeighLikelihoodAndUnlikelihoodPerExampleOnMaskedPositionsOnly() {
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // Given two rows of two positions whose logits give p(target 0) = 0.75 everywhere;
            // the second position of each row is a prompt position (mask 0)
            float ln3 = (float) Math.log(3);
            NDList predictions = new NDList(manager.create(new float[] {ln3, 0, ln3, 0, ln3, 0, ln3, 0},
                    new Shape(2, 2, 2)));
            NDList labels = new NDList(
                    manager.create(new long[] {0, 0, 0, 0}, new Shape(2, 2)),
                    manager.create(new float[] {1, 0, 1, 0}, new Shape(2, 2)),
                    manager.create(new float[] {2f, -0.5f}));
            // When the loss is evaluated with weight 2 for row 0 and -0.5 (negative) for row 1
            float loss = new ReplyLoss().evaluate(labels, predictions).getFloat();
            // Then row 0 adds 2 * -ln 0.75, row 1 adds 0.5 * -ln(1 - 0.75), divided by 2 masked tokens
            double expected = (2 * -Math.log(0.75) + 0.5 * -Math.log(0.25)) / 2;
            assertThat((double) loss).isCloseTo(expected, within(1e-5));
            assertThat((double) loss).isCloseTo(0.6342557, within(1e-6));
        }
    }
}
