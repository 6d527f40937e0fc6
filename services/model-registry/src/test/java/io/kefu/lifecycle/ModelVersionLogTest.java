package io.kefu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionLogTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  static ModelVersion first(String version, ModelStatus status, String parent, Instant at) {
    return ModelVersionRecords.first("kefu", version, status, parent, "file:///store/" + version, "ab",
        Map.of("examples", 10.0), Map.of(), null, at);
  }

  @Test
  void shouldKeepTheLatestRecordPerVersionAndAnswerActiveAndCanary() {
    // Given a base model, a candidate that became a canary, and a rejected candidate
    ModelVersionLog log = new ModelVersionLog();
    ModelVersion base = first("v1", ModelStatus.ACTIVE, null, T0);
    ModelVersion candidate = first("v2", ModelStatus.CANDIDATE, "v1", T0.plusSeconds(10));
    ModelVersion canary = ModelVersionRecords.next(candidate, ModelStatus.CANARY, 0.2, "try", T0.plusSeconds(20));
    log.apply(base);
    log.apply(candidate);
    log.apply(canary);
    log.apply(first("v3", ModelStatus.REJECTED, "v1", T0.plusSeconds(30)));

    // Then the lookups answer from the latest record of each version
    assertThat(log.active("kefu")).contains(base);
    assertThat(log.canary("kefu")).contains(canary);
    assertThat(log.canary("other")).isEmpty();
    assertThat(log.history(new ModelVersionKey("kefu", "v2"))).containsExactly(candidate, canary);
    assertThat(log.versions("kefu")).extracting(ModelVersion::getVersion).containsExactly("v1", "v2", "v3");
    assertThat(log.modelNames()).containsExactly("kefu");
  }

  @Test
  void shouldPreferTheNewestActiveWhenAPromotionIsHalfRead() {
    // Given a promotion whose new ACTIVE record is read before the old one's RETIRED record
    ModelVersionLog log = new ModelVersionLog();
    log.apply(first("v1", ModelStatus.ACTIVE, null, T0));
    ModelVersion v2 = ModelVersionRecords.next(
        ModelVersionRecords.next(first("v2", ModelStatus.CANDIDATE, "v1", T0), ModelStatus.CANARY, 0.5, null, T0),
        ModelStatus.ACTIVE, 0, null, T0.plusSeconds(5));
    log.apply(v2);
    // Then the newer ACTIVE is the active one
    assertThat(log.active("kefu")).contains(v2);
  }

  @Test
  void shouldReturnFromAwaitStatusOnceTheStatusArrives() throws Exception {
    // Given a waiter on a status that a second thread applies
    ModelVersionLog log = new ModelVersionLog();
    Thread writer = new Thread(() -> log.apply(first("v1", ModelStatus.ACTIVE, null, T0)));
    writer.start();
    // Then the waiter sees it, and a status that never comes times out empty
    assertThat(log.awaitStatus(new ModelVersionKey("kefu", "v1"), ModelStatus.ACTIVE, Duration.ofSeconds(10)))
        .isPresent();
    assertThat(log.awaitStatus(new ModelVersionKey("kefu", "v1"), ModelStatus.RETIRED, Duration.ofMillis(50)))
        .isEmpty();
    writer.join();
  }
}
