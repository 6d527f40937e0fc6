package io.kefu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardOptionsTest {
  private static KefuConfig config(Map<String, String> environment, Map<String, String> overrides) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, environment, overrides);
  }

  @Test
  void shouldDeclareItsSettingsWithDefaultsAndNoDefaultTokens() {
    DashboardOptions options = DashboardOptions.fromConfig(config(Map.of(), Map.of()));

    assertThat(KefuConfig.declaredSettingsByGroup()).containsKey("dashboard");
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.adminToken()).isNull();
    assertThat(options.viewerToken()).isNull();
    assertThat(options.adminName()).isEqualTo("admin");
    assertThat(options.history()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.pushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.lagInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.recentConversations()).isEqualTo(20);
    assertThat(options.handoffsMax()).isEqualTo(1000);
    assertThat(options.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void shouldTakeTokensFromTheEnvironment() {
    DashboardOptions options = DashboardOptions.fromConfig(config(
        Map.of("KEFU_DASHBOARD_ADMIN_TOKEN", "from-the-environment-1", "KEFU_DASHBOARD_PORT", "9090"), Map.of()));

    assertThat(options.adminToken()).isEqualTo("from-the-environment-1");
    assertThat(options.port()).isEqualTo(9090);
  }

  @Test
  void shouldRefuseValuesThatMakeNoSense() {
    assertThatThrownBy(() -> DashboardOptions.fromConfig(config(Map.of(), Map.of(DashboardSettings.PORT, "70000"))))
        .isInstanceOf(ConfigException.class).hasMessage("setting 'dashboard.port' must be 0..65535, was 70000");
    assertThatThrownBy(() -> DashboardOptions.fromConfig(config(Map.of(),
        Map.of(DashboardSettings.RECENT_CONVERSATIONS, "0"))))
        .hasMessage("setting 'dashboard.recent.conversations' must be 1..200, was 0");
    assertThatThrownBy(() -> DashboardOptions.fromConfig(config(Map.of(), Map.of(DashboardSettings.HISTORY, "soon"))))
        .hasMessageStartingWith("setting 'dashboard.history' must be a duration");
  }
}
