package io.kefu.chaos.child;

import io.kefu.kafka.config.KefuConfig;
import java.nio.file.Path;
import java.util.Map;

/** Loads a child's settings from the one properties file it is given, ignoring the parent's KEFU_* environment. */
final class ChildSettings {
  private ChildSettings() {}

  static KefuConfig load(String[] args, String mainName) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: " + mainName + " <settings.properties>; was given " + args.length
          + " arguments");
    }
    // The file is complete: the parent's KEFU_* variables must not change what the child does.
    return KefuConfig.load(KefuConfig.declaredSettings(), Path.of(args[0]), Map.of(), Map.of());
  }
}
