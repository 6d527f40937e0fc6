package io.kefu.kafka.config;

import java.util.List;

/**
 * Declares the settings one module understands; found with {@link java.util.ServiceLoader} so the set of known keys
 * (and the configuration reference) is the union of every module on the classpath.
 */
public interface SettingsProvider {

  /** A short name for the group of settings, used as a heading in the reference. */
  String group();

  /** The settings of this group. */
  List<Setting> settings();
}
