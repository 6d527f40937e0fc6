package io.kefu.lifecycle.canary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The sticky canary routing rule: a conversation goes to the CANARY version when the hash of its conversationId,
 * mapped to [0, 1), is below the canary share.
 *
 * <p>The hash is the first 53 bits of SHA-256 over the UTF-8 bytes of the conversationId, divided by 2^53: the same in
 * every language and process, independent of Kafka's partitioner (murmur2), so canary conversations spread over all
 * partitions. A conversation keeps its arm for as long as the share does not shrink below its point.
 */
public final class CanaryRouter {
  private static final double TWO_TO_53 = 9007199254740992.0;

  private CanaryRouter() {}

  /** The conversation's point in [0, 1). */
  public static double unitHash(String conversationId) {
    if (conversationId == null) {
      throw new IllegalArgumentException("conversationId must not be null");
    }
    byte[] digest = sha256(conversationId.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xffL);
    }
    return (bits >>> 11) / TWO_TO_53;
  }

  /** Whether the conversation is served by the canary when the canary serves {@code canaryShare} (0..1). */
  public static boolean routesToCanary(String conversationId, double canaryShare) {
    if (!(canaryShare >= 0.0 && canaryShare <= 1.0)) {
      throw new IllegalArgumentException("canary share must be in [0, 1], was " + canaryShare);
    }
    return unitHash(conversationId) < canaryShare;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
