package io.kefu.dashboard;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** The operator dashboard's settings; it binds the shared {@code http.host}. */
public final class DashboardSettings implements SettingsProvider {
  public static final String PORT = "dashboard.port";
  public static final String ADMIN_TOKEN = "dashboard.admin.token";
  public static final String VIEWER_TOKEN = "dashboard.viewer.token";
  public static final String ADMIN_NAME = "dashboard.admin.name";
  public static final String HISTORY = "dashboard.history";
  public static final String PUSH_INTERVAL = "dashboard.push.interval";
  public static final String LAG_INTERVAL = "dashboard.lag.interval";
  public static final String RECENT_CONVERSATIONS = "dashboard.recent.conversations";
  public static final String HANDOFFS_MAX = "dashboard.handoffs.max";

  @Override
  public String group() {
    return "dashboard";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(PORT, "8080", "TCP port of the operator dashboard; 0 picks a free port."),
        new Setting(ADMIN_TOKEN, null,
            "Operator token that may view everything and act (promote, roll back, train, pause, answer, close);"
                + " at least 16 characters; unset generates one at start and logs it."),
        new Setting(VIEWER_TOKEN, null,
            "Operator token that may only view the dashboard; at least 16 characters; unset generates one at start"
                + " and logs it."),
        new Setting(ADMIN_NAME, "admin",
            "Operator id written on replies and commands issued with the admin token."),
        new Setting(HISTORY, "10m",
            "How far back the dashboard reads activity topics at start, and how much history its charts keep."),
        new Setting(PUSH_INTERVAL, "1s", "How often the dashboard pushes a fresh view to open pages."),
        new Setting(LAG_INTERVAL, "5s", "How often the dashboard reads consumer-group offsets to compute lag."),
        new Setting(RECENT_CONVERSATIONS, "20", "How many recent conversations the dashboard shows."),
        new Setting(HANDOFFS_MAX, "1000",
            "How many open handoffs the dashboard keeps; beyond it the oldest leave the queue and are counted."));
  }
}
