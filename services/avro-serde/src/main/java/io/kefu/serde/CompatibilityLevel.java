package io.kefu.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A schema registry compatibility level, with the same names and meaning as Confluent Schema Registry's. */
public enum CompatibilityLevel {
  /** No check: any schema may follow any other. */
  NONE(false, false, false),
  /** The new schema can read data written with the latest version. */
  BACKWARD(true, false, false),
  /** The new schema can read data written with every previous version. */
  BACKWARD_TRANSITIVE(true, false, true),
  /** The latest version can read data written with the new schema. */
  FORWARD(false, true, false),
  /** Every previous version can read data written with the new schema. */
  FORWARD_TRANSITIVE(false, true, true),
  /** Both BACKWARD and FORWARD against the latest version. */
  FULL(true, true, false),
  /** Both BACKWARD and FORWARD against every previous version. */
  FULL_TRANSITIVE(true, true, true);

  /** The level a registry uses when none is configured, as in Confluent Schema Registry. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Parses a level name as the registry API spells it (case and surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
   */
  public static CompatibilityLevel parse(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("compatibility level must be one of " + acceptedNames() + ", was "
          + (name == null ? "null" : "'" + name + "'"));
    }
    String normalized = name.trim().toUpperCase(Locale.ROOT);
    for (CompatibilityLevel level : values()) {
      if (level.name().equals(normalized)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "compatibility level must be one of " + acceptedNames() + ", was '" + name + "'");
  }

  /** Whether the new schema must be able to read data written with earlier versions. */
  public boolean checksBackward() {
    return backward;
  }

  /** Whether earlier versions must be able to read data written with the new schema. */
  public boolean checksForward() {
    return forward;
  }

  /** Whether the check covers every previous version rather than only the latest. */
  public boolean isTransitive() {
    return transitive;
  }

  private static String acceptedNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
