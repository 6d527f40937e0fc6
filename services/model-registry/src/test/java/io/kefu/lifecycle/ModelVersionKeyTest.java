package io.kefu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelVersionKeyTest {

  @Test
  void shouldWriteAndParseModelNameColonVersion() {
    // Given a version whose label itself holds a colon-free timestamp and dots
    ModelVersionKey key = new ModelVersionKey("kefu", "ft-20250101.3");
    // When written and parsed back, Then it is the same key
    assertThat(key.toString()).isEqualTo("kefu:ft-20250101.3");
    assertThat(ModelVersionKey.parse("kefu:ft-20250101.3")).isEqualTo(key);
    // And a version label may contain the separator, since only the first one splits
    assertThat(ModelVersionKey.parse("kefu:a:b")).isEqualTo(new ModelVersionKey("kefu", "a:b"));
  }

  @Test
  void shouldRefuseKeysWithoutBothParts() {
    assertThatThrownBy(() -> ModelVersionKey.parse("kefu"))
        .hasMessage("model-versions key must be '<modelName>:<version>', was 'kefu'");
    assertThatThrownBy(() -> ModelVersionKey.parse("kefu:"))
        .hasMessage("model-versions key must be '<modelName>:<version>', was 'kefu:'");
    assertThatThrownBy(() -> new ModelVersionKey("ke:fu", "v1"))
        .hasMessage("model name must be non-blank and free of ':', was 'ke:fu'");
  }
}
