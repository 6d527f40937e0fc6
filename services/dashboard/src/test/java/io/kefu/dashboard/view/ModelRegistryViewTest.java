package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.dashboard.view.ModelRegistryView.MarkedModel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRegistryViewTest {
  private static ModelVersion step(String model, String version, ModelStatus status, long at) {
    return ModelVersion.newBuilder()
        .setModelName(model).setVersion(version).setStatus(status).setParentVersion(null)
        .setArtifactUri("file:///m/" + version).setManifestSha256("00")
        .setTrainingMetrics(Map.of("loss", 1.0)).setEvaluation(Map.of("heldOutLoss", 1.2)).setCanaryShare(0.1)
        .setReason("because " + version).setChangedAt(Instant.ofEpochMilli(at)).build();
  }

  @Test
  void shouldKeepTheLatestStepOfEachVersionAndMarkActiveAndCanary() {
    // Given versions moving through their lifecycle
    ModelRegistryView view = new ModelRegistryView();
    view.onModelVersion(step("gpt", "v1", ModelStatus.ACTIVE, 100));
    view.onModelVersion(step("gpt", "v2", ModelStatus.CANDIDATE, 200));
    view.onModelVersion(step("gpt", "v2", ModelStatus.CANARY, 300));
    view.onModelVersion(step("gpt", "v3", ModelStatus.REJECTED, 400));

    // Then each version shows its latest status, newest change first, with the marks
    assertThat(view.snapshot()).extracting(m -> m.row().version(), m -> m.row().status(), MarkedModel::mark)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v3", "REJECTED", null),
            org.assertj.core.groups.Tuple.tuple("v2", "CANARY", "CANARY"),
            org.assertj.core.groups.Tuple.tuple("v1", "ACTIVE", "ACTIVE"));
    assertThat(view.markedVersions()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("v1", "ACTIVE", "v2", "CANARY")));
    assertThat(view.find("gpt", "v2").orElseThrow().evaluation()).containsEntry("heldOutLoss", 1.2);
  }

  @Test
  void shouldIgnoreAnOlderStepReadAfterANewerOne() {
    ModelRegistryView view = new ModelRegistryView();
    view.onModelVersion(step("gpt", "v2", ModelStatus.ACTIVE, 300));
    view.onModelVersion(step("gpt", "v2", ModelStatus.CANARY, 200));

    assertThat(view.find("gpt", "v2").orElseThrow().status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldMarkOnlyTheMostRecentlyChangedActiveVersionOfAModel() {
    // Given v1 never got its RETIRED step after v2 became ACTIVE
    ModelRegistryView view = new ModelRegistryView();
    view.onModelVersion(step("gpt", "v1", ModelStatus.ACTIVE, 100));
    view.onModelVersion(step("gpt", "v2", ModelStatus.ACTIVE, 200));
    view.onModelVersion(step("other", "o1", ModelStatus.ACTIVE, 50));

    // Then v2 is the marked one, and each model has its own
    assertThat(view.markedVersions()).containsOnly(Map.entry("v2", "ACTIVE"), Map.entry("o1", "ACTIVE"));
  }

  @Test
  void shouldDropTheOldestUnmarkedVersionsBeyondTheLimit() {
    ModelRegistryView view = new ModelRegistryView();
    view.onModelVersion(step("gpt", "active", ModelStatus.ACTIVE, 0));
    for (int i = 1; i <= ModelRegistryView.MAX_VERSIONS; i++) {
      view.onModelVersion(step("gpt", "r" + i, ModelStatus.REJECTED, i));
    }

    assertThat(view.snapshot()).hasSize(ModelRegistryView.MAX_VERSIONS);
    assertThat(view.find("gpt", "active")).isPresent();
    assertThat(view.find("gpt", "r1")).isEmpty();
  }
}
