package io.kefu.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The users and passwords HTTP basic auth accepts; empty means authentication is off. */
public final class BasicAuthUsers {
  private static final BasicAuthUsers NONE = new BasicAuthUsers(Map.of());

  private final Map<String, byte[]> passwords;

  private BasicAuthUsers(Map<String, byte[]> passwords) {
    this.passwords = Collections.unmodifiableMap(passwords);
  }

  /** No users: every request is let through. */
  public static BasicAuthUsers none() {
    return NONE;
  }

  /**
   * Parses comma-separated {@code user:password} pairs; a password may contain ':' but not ','.
   *
   * @throws IllegalArgumentException naming the pair that is malformed or repeated
   */
  public static BasicAuthUsers parse(String userInfoList) {
    if (userInfoList == null || userInfoList.isBlank()) {
      return NONE;
    }
    Map<String, byte[]> passwords = new LinkedHashMap<>();
    int position = 0;
    for (String part : userInfoList.split(",")) {
      position++;
      String pair = part.trim();
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("basic auth entry " + position
            + " must be user:password with a non-empty user, was " + (pair.isEmpty() ? "empty" : "without ':'"));
      }
      String user = pair.substring(0, colon);
      if (passwords.put(user, pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) != null) {
        throw new IllegalArgumentException("basic auth user '" + user + "' is listed twice");
      }
    }
    return new BasicAuthUsers(passwords);
  }

  /** Builds the accepted users from a map of user to password. */
  public static BasicAuthUsers of(Map<String, String> userPasswords) {
    Map<String, byte[]> passwords = new LinkedHashMap<>();
    userPasswords.forEach((user, password) -> {
      if (user == null || user.isEmpty() || user.contains(":")) {
        throw new IllegalArgumentException("basic auth user names must be non-empty and without ':', was '"
            + user + "'");
      }
      passwords.put(user, password.getBytes(StandardCharsets.UTF_8));
    });
    return new BasicAuthUsers(passwords);
  }

  /** Whether any user is configured, i.e. whether requests must authenticate. */
  public boolean enabled() {
    return !passwords.isEmpty();
  }

  /** The configured user names. */
  public Set<String> users() {
    return passwords.keySet();
  }

  /** Whether {@code user} exists and {@code password} is its password (compared in constant time). */
  public boolean accepts(String user, String password) {
    byte[] expected = passwords.get(user);
    return expected != null && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BasicAuthUsers" + passwords.keySet();
  }
}
