package io.kefu.kafka.config;

import java.util.Objects;

/**
 * One documented setting: its key, its default (null when it has none), and what it does.
 *
 * @param key dotted lower-case key, e.g. {@code reply.batch.max}
 * @param defaultValue value used when no source sets the key; null when the setting is optional
 * @param description one sentence for the configuration reference
 */
public record Setting(String key, String defaultValue, String description) {
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
    if (!key.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
      throw new IllegalArgumentException("setting keys are dotted lower-case words, was '" + key + "'");
    }
  }

  /** The environment variable that sets this key: {@code KEFU_} + upper case, dots and dashes as underscores. */
  public String environmentVariable() {
    return KefuConfig.ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
