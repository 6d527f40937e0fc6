package io.kefu.dashboard;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the dashboard runs with, resolved from {@link KefuConfig}.
 *
 * @param kafkaProperties properties for every Kafka client (bootstrap servers and {@code kafka.*} passthrough)
 * @param topicPrefix prefix of every Kefu topic name
 * @param autoRegisterSchemas whether serializers register schemas
 * @param host address the HTTP server binds to
 * @param port TCP port, 0 for a free one
 * @param adminToken configured admin token, or null to generate one
 * @param viewerToken configured viewer token, or null to generate one
 * @param adminName operator id recorded on admin actions
 * @param history how far back activity is read and kept
 * @param pushInterval how often open pages get a fresh view
 * @param lagInterval how often consumer lag is sampled
 * @param recentConversations how many recent conversations are shown
 * @param handoffsMax how many open handoffs are kept
 */
public record DashboardOptions(
    Map<String, Object> kafkaProperties,
    String topicPrefix,
    boolean autoRegisterSchemas,
    String host,
    int port,
    String adminToken,
    String viewerToken,
    String adminName,
    Duration history,
    Duration pushInterval,
    Duration lagInterval,
    int recentConversations,
    int handoffsMax) {

  public DashboardOptions {
    kafkaProperties = Map.copyOf(kafkaProperties);
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new ConfigException("setting '" + DashboardSettings.PORT + "' must be 0..65535, was " + port);
    }
    if (adminName == null || adminName.isBlank()) {
      throw new ConfigException("setting '" + DashboardSettings.ADMIN_NAME + "' must not be blank");
    }
    requirePositive(history, DashboardSettings.HISTORY);
    requirePositive(pushInterval, DashboardSettings.PUSH_INTERVAL);
    requirePositive(lagInterval, DashboardSettings.LAG_INTERVAL);
    if (recentConversations < 1 || recentConversations > 200) {
      throw new ConfigException("setting '" + DashboardSettings.RECENT_CONVERSATIONS + "' must be 1..200, was "
          + recentConversations);
    }
    if (handoffsMax < 1) {
      throw new ConfigException("setting '" + DashboardSettings.HANDOFFS_MAX + "' must be at least 1, was " + handoffsMax);
    }
  }

  /** Reads the dashboard's settings and the core Kafka settings from {@code config}. */
  public static DashboardOptions fromConfig(KefuConfig config) {
    return new DashboardOptions(
        config.kafkaClientProperties(),
        config.get(CoreSettings.TOPIC_PREFIX),
        config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER),
        config.get(CoreSettings.HTTP_HOST),
        config.getInt(DashboardSettings.PORT),
        config.getOrNull(DashboardSettings.ADMIN_TOKEN),
        config.getOrNull(DashboardSettings.VIEWER_TOKEN),
        config.get(DashboardSettings.ADMIN_NAME),
        config.getDuration(DashboardSettings.HISTORY),
        config.getDuration(DashboardSettings.PUSH_INTERVAL),
        config.getDuration(DashboardSettings.LAG_INTERVAL),
        config.getInt(DashboardSettings.RECENT_CONVERSATIONS),
        config.getInt(DashboardSettings.HANDOFFS_MAX));
  }

  private static void requirePositive(Duration duration, String key) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new ConfigException("setting '" + key + "' must be a positive duration, was " + duration);
    }
  }
}
