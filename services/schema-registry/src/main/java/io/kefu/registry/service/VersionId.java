package io.kefu.registry.service;

/**
 * A version path parameter: a number in [1, 2^31-1], or {@code latest} (also written {@code -1}).
 *
 * @param version the version number, or -1 for latest
 */
public record VersionId(int version) {
  public static final VersionId LATEST = new VersionId(-1);

  /**
   * Parses a version path parameter.
   *
   * @throws RegistryError 42202 when {@code text} is neither {@code latest} nor a version number
   */
  public static VersionId parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equalsIgnoreCase("latest")) {
      return LATEST;
    }
    int version;
    try {
      version = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      throw RegistryError.invalidVersion(text);
    }
    if (version == -1) {
      return LATEST;
    }
    if (version < 1) {
      throw RegistryError.invalidVersion(text);
    }
    return new VersionId(version);
  }

  public boolean isLatest() {
    return version == -1;
  }
}
