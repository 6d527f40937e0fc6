package io.kefu.dashboard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The admin and viewer tokens of one dashboard: configured ones are checked, missing ones are generated; a presented
 * token is compared in constant time.
 */
public final class OperatorTokens {
  /** Configured tokens must be at least this long, so they cannot be guessed online. */
  public static final int MIN_LENGTH = 16;
  private static final int GENERATED_BYTES = 24;
  private static final String VIEWER_ID = "viewer";

  private final String adminToken;
  private final String viewerToken;
  private final boolean adminGenerated;
  private final boolean viewerGenerated;
  private final String adminName;

  private OperatorTokens(String adminToken, boolean adminGenerated, String viewerToken, boolean viewerGenerated,
      String adminName) {
    this.adminToken = adminToken;
    this.viewerToken = viewerToken;
    this.adminGenerated = adminGenerated;
    this.viewerGenerated = viewerGenerated;
    this.adminName = adminName;
  }

  /**
   * Uses the configured tokens and generates the missing ones with {@code random}.
   *
   * @param adminToken configured admin token, or null
   * @param viewerToken configured viewer token, or null
   * @param adminName operator id of the admin token
   * @throws IllegalArgumentException when a configured token is shorter than {@link #MIN_LENGTH}, holds whitespace,
   *     or both tokens are the same
   */
  public static OperatorTokens resolve(String adminToken, String viewerToken, String adminName, SecureRandom random) {
    String admin = adminToken == null ? generate(random) : check("dashboard.admin.token", adminToken);
    String viewer = viewerToken == null ? generate(random) : check("dashboard.viewer.token", viewerToken);
    if (admin.equals(viewer)) {
      throw new IllegalArgumentException("dashboard.admin.token and dashboard.viewer.token must differ, "
          + "or the dashboard cannot tell an admin from a viewer");
    }
    return new OperatorTokens(admin, adminToken == null, viewer, viewerToken == null, adminName);
  }

  private static String check(String key, String token) {
    if (token.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(key + " must be at least " + MIN_LENGTH + " characters, was "
          + token.length());
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(key + " must be printable ASCII without spaces, as it travels in an "
          + "Authorization header");
    }
    return token;
  }

  private static String generate(SecureRandom random) {
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The operator a presented token belongs to, or empty for a missing or unknown token. */
  public Optional<Operator> authenticate(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    // Both comparisons always run, so the time taken does not tell which token was close.
    boolean admin = constantTimeEquals(presented, adminToken);
    boolean viewer = constantTimeEquals(presented, viewerToken);
    if (admin) {
      return Optional.of(new Operator(Role.ADMIN, adminName));
    }
    if (viewer) {
      return Optional.of(new Operator(Role.VIEWER, VIEWER_ID));
    }
    return Optional.empty();
  }

  private static boolean constantTimeEquals(String presented, String expected) {
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  public String adminToken() {
    return adminToken;
  }

  public String viewerToken() {
    return viewerToken;
  }

  /** True when the admin token was generated because none was configured. */
  public boolean adminGenerated() {
    return adminGenerated;
  }

  /** True when the viewer token was generated because none was configured. */
  public boolean viewerGenerated() {
    return viewerGenerated;
  }

  @Override
  public String toString() {
    return "OperatorTokens[admin=" + (adminGenerated ? "generated" : "configured") + ", viewer="
        + (viewerGenerated ? "generated" : "configured") + "]";
  }
}
