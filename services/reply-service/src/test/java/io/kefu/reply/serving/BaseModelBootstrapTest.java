package io.kefu.reply.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseModelBootstrapTest {

  @Test
  void shouldRecordTheFiniteNumbersOfTrainingMetricsWithNestedKeysJoinedByDots() {
    // Given the metrics base training writes
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("steps", 2000);
    training.put("finalLoss", 1.25);
    training.put("evalLoss", Double.NaN);
    training.put("stoppedByTimeBudget", false);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("kind", "base");
    metrics.put("training", training);
    metrics.put("totalSeconds", 431.5);

    // When they are turned into registry metrics, then only finite numbers remain
    assertThat(BaseModelBootstrap.numbers(metrics)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "training.steps", 2000.0, "training.finalLoss", 1.25, "totalSeconds", 431.5));
  }
}
