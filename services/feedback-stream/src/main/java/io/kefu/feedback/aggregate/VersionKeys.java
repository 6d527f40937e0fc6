package io.kefu.feedback.aggregate;

import io.kefu.contract.AgentReply;

/**
 * The keys aggregates are kept under: a model version, {@link #HUMAN} and {@link #SYSTEM} for replies no model wrote,
 * {@link #UNKNOWN} for a model reply without a version, and {@link #ALL} for the whole fleet.
 */
public final class VersionKeys {
  /** Every event also counts here; customer messages and dead letters, which have no version, count only here. */
  public static final String ALL = "all";
  public static final String HUMAN = "human";
  public static final String SYSTEM = "system";
  public static final String UNKNOWN = "unknown";

  private VersionKeys() {}

  /** The key of a reply: its model version for a model reply, otherwise who wrote it. */
  public static String of(AgentReply reply) {
    return switch (reply.getAuthor()) {
      case HUMAN -> HUMAN;
      case SYSTEM -> SYSTEM;
      default -> ofModelVersion(reply.getModelVersion());
    };
  }

  /** {@code modelVersion}, or {@link #UNKNOWN} when it is null or blank. */
  public static String ofModelVersion(String modelVersion) {
    return modelVersion == null || modelVersion.isBlank() ? UNKNOWN : modelVersion;
  }
}
