package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.TinyModels;
import org.junit.jupiter.api.Test;

class ClearGradientsTest {

  @Test
  void shouldZeroGradientsHoldingNaNSoASkippedStepCannotPoisonTheNext() {
    try (LanguageModel model = TinyModels.create(32, 1)) {
      // Given every parameter with a NaN gradient
      int withGradient = 0;
      for (var parameter : model.block().getParameters()) {
        NDArray array = parameter.getValue().getArray();
        array.setRequiresGradient(true);
        array.getGradient().set(new ai.djl.ndarray.index.NDIndex("..."), Float.NaN);
        withGradient++;
      }
      assertThat(withGradient).isPositive();

      // When the trainer clears them after a skipped update
      ModelTrainer.clearGradients(model);

      // Then every gradient is exactly zero
      for (var parameter : model.block().getParameters()) {
        NDArray gradient = parameter.getValue().getArray().getGradient();
        assertThat(gradient.isNaN().any().getBoolean()).as(parameter.getKey()).isFalse();
        assertThat(gradient.abs().sum().getFloat()).as(parameter.getKey()).isZero();
      }
    }
  }
}
