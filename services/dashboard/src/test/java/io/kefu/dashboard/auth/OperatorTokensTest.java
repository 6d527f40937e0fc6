package io.kefu.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class OperatorTokensTest {
  private static final String ADMIN = "admin-token-0123456789";
  private static final String VIEWER = "viewer-token-0123456789";

  @Test
  void shouldTellAdminFromViewerAndRefuseAnythingElse() {
    OperatorTokens tokens = OperatorTokens.resolve(ADMIN, VIEWER, "alice", new SecureRandom());

    assertThat(tokens.authenticate(ADMIN)).contains(new Operator(Role.ADMIN, "alice"));
    assertThat(tokens.authenticate(VIEWER)).contains(new Operator(Role.VIEWER, "viewer"));
    assertThat(tokens.authenticate(null)).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(ADMIN + "x")).isEmpty();
    assertThat(tokens.authenticate(ADMIN.substring(1))).isEmpty();
    assertThat(tokens.adminGenerated()).isFalse();
    assertThat(tokens.viewerGenerated()).isFalse();
  }

  @Test
  void shouldGenerateDistinctUnguessableTokensWhenNoneAreSet() {
    OperatorTokens tokens = OperatorTokens.resolve(null, null, "admin", new SecureRandom());
    OperatorTokens again = OperatorTokens.resolve(null, null, "admin", new SecureRandom());

    assertThat(tokens.adminGenerated()).isTrue();
    assertThat(tokens.viewerGenerated()).isTrue();
    assertThat(tokens.adminToken()).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(tokens.viewerToken());
    assertThat(tokens.adminToken()).isNotEqualTo(again.adminToken());
    assertThat(tokens.authenticate(tokens.adminToken()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(tokens.toString()).doesNotContain(tokens.adminToken(), tokens.viewerToken());
  }

  @Test
  void shouldRefuseWeakOrAmbiguousConfiguredTokens() {
    SecureRandom random = new SecureRandom();
    assertThatThrownBy(() -> OperatorTokens.resolve("short", VIEWER, "a", random))
        .hasMessage("dashboard.admin.token must be at least 16 characters, was 5");
    assertThatThrownBy(() -> OperatorTokens.resolve(ADMIN, "has a space in it!!", "a", random))
        .hasMessage("dashboard.viewer.token must be printable ASCII without spaces, as it travels in an Authorization header");
    assertThatThrownBy(() -> OperatorTokens.resolve(ADMIN, ADMIN, "a", random))
        .hasMessageStartingWith("dashboard.admin.token and dashboard.viewer.token must differ");
  }

  @Test
  void shouldLetOnlyAnAdminSatisfyAnAdminRoute() {
    assertThat(Role.ADMIN.satisfies(Role.ADMIN)).isTrue();
    assertThat(Role.ADMIN.satisfies(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.satisfies(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.satisfies(Role.ADMIN)).isFalse();
  }
}
