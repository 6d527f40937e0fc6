package io.kefu.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionIdTest {

  @Test
  void shouldReadLatestInEitherSpelling() {
    assertThat(VersionId.parse("latest").isLatest()).isTrue();
    assertThat(VersionId.parse("LATEST").isLatest()).isTrue();
    assertThat(VersionId.parse("-1").isLatest()).isTrue();
  }

  @Test
  void shouldReadAVersionNumber() {
    assertThat(VersionId.parse("3")).isEqualTo(new VersionId(3));
    assertThat(VersionId.parse("2147483647").version()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void shouldRefuseAnythingElseWith42202() {
    for (String invalid : new String[] {"0", "-2", "abc", "2147483648", ""}) {
      assertThatThrownBy(() -> VersionId.parse(invalid))
          .isInstanceOfSatisfying(RegistryError.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(422);
            assertThat(e.errorCode()).isEqualTo(42202);
            assertThat(e.getMessage()).isEqualTo("The specified version '" + invalid + "' is not a valid version id."
                + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
          });
    }
  }
}
