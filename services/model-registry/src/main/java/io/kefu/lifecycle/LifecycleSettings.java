package io.kefu.lifecycle;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** Settings of the model lifecycle: which model, the registry writer's transactional id, and the canary policy. */
public final class LifecycleSettings implements SettingsProvider {
  public static final String MODEL_NAME = "lifecycle.model.name";
  public static final String TRANSACTIONAL_ID = "lifecycle.transactional.id";
  public static final String CANARY_SHARE = "canary.share";
  public static final String CANARY_MIN_RATINGS = "canary.min.ratings";
  public static final String CANARY_ALPHA = "canary.alpha";
  public static final String CANARY_MIN_UPLIFT = "canary.min.uplift";
  public static final String CANARY_TIMEOUT = "canary.timeout";
  public static final String CANARY_CHECK_INTERVAL = "canary.check.interval";
  public static final String CANARY_AUTO_START = "canary.auto.start";
  public static final String CANARY_GROUP_ID = "canary.group.id";
  public static final String CANARY_HTTP_PORT = "canary.http.port";

  @Override
  public String group() {
    return "model lifecycle";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(MODEL_NAME, "kefu", "Name of the model whose versions the fine-tuner and canary controller manage."),
        new Setting(TRANSACTIONAL_ID, "kefu-model-lifecycle",
            "Transactional id of the canary controller's writes to model-versions; one writer at a time holds it."),
        new Setting(CANARY_SHARE, "0.2", "Share of conversations (0..1, by hash of conversationId) a CANARY serves."),
        new Setting(CANARY_MIN_RATINGS, "50",
            "Ratings each arm (canary and active) needs before the canary controller tests them."),
        new Setting(CANARY_ALPHA, "0.05",
            "One-sided significance level of the canary's two-proportion z-test on CSAT."),
        new Setting(CANARY_MIN_UPLIFT, "0.0",
            "Least mean-rating gain (stars) over the active version a canary needs to be promoted."),
        new Setting(CANARY_TIMEOUT, "2h", "A canary still undecided this long after it started is rolled back."),
        new Setting(CANARY_CHECK_INTERVAL, "10s", "How often the canary controller compares canary and active ratings."),
        new Setting(CANARY_AUTO_START, "true",
            "Start a canary for the newest CANDIDATE trained from the ACTIVE version when no canary runs."),
        new Setting(CANARY_GROUP_ID, "kefu-canary-controller",
            "Consumer group with which the canary controller reads operator-commands."),
        new Setting(CANARY_HTTP_PORT, "8087",
            "Port of the canary controller's health and metrics endpoints; 0 picks a free port."));
  }
}
