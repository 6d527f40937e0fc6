package io.kefu.cli.platform;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import java.util.List;

/** Settings of the embedded platform ({@code kefu platform} and {@code kefu demo}). */
public final class PlatformSettings implements SettingsProvider {
  public static final String KAFKA_PORT = "platform.kafka.port";
  public static final String KAFKA_CONTROLLER_PORT = "platform.kafka.controller.port";

  @Override
  public String group() {
    return "platform";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(KAFKA_PORT, "9092", "Port of the embedded Kafka broker's client listener; 0 picks a free port."),
        new Setting(KAFKA_CONTROLLER_PORT, "0", "Port of the embedded broker's KRaft controller listener; 0 picks a free port."));
  }
}
