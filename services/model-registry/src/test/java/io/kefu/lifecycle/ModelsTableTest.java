package io.kefu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsTableTest {

  @Test
  void shouldPrintOneAlignedRowPerVersion() {
    // Given an active base model and a canary trained from it
    Instant at = Instant.parse("2025-03-04T05:06:07Z");
    ModelVersion base = ModelVersionRecords.first("kefu", "base", ModelStatus.ACTIVE, null, "/s/base", "aa",
        Map.of(), Map.of("intent", 0.93), "base model", at);
    ModelVersion canary = ModelVersionRecords.next(ModelVersionRecords.first("kefu", "ft-1", ModelStatus.CANDIDATE,
        "base", "/s/ft-1", "bb", Map.of("examples", 1000.0), Map.of("intent", 0.945, "pref", 0.7), null, at),
        ModelStatus.CANARY, 0.2, "canary", at);

    // When rendered
    String table = ModelsTable.render(List.of(base, canary));

    // Then each version is one row under the headers, columns aligned
    assertThat(table).isEqualTo(
        "MODEL  VERSION  STATUS  PARENT  CANARY  EXAMPLES  EVAL                     CHANGED (UTC)        REASON\n"
      + "kefu   base     ACTIVE  -       -       -         intent=0.930             2025-03-04 05:06:07  base model\n"
      + "kefu   ft-1     CANARY  base    20%     1000      intent=0.945 pref=0.700  2025-03-04 05:06:07  canary\n");
  }

  @Test
  void shouldSaySoWhenNoVersionIsRegistered() {
    assertThat(ModelsTable.render(List.of())).endsWith("(no model versions registered)\n");
  }
}
