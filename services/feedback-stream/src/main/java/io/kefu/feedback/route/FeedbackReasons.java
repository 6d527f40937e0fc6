package io.kefu.feedback.route;

/**
 * The {@code kefu.dlq.reason} values the feedback stream adds to those of
 * {@link io.kefu.kafka.dlq.RecordDecoder} (bad bytes: {@code WRONG_MAGIC_BYTE}, {@code TRUNCATED_PAYLOAD}, ...).
 */
public final class FeedbackReasons {
  /** The rating is not 1..5. */
  public static final String RATING_OUT_OF_RANGE = "RATING_OUT_OF_RANGE";
  /** No reply with this replyId arrived within the grace around the rating. */
  public static final String UNKNOWN_REPLY = "UNKNOWN_REPLY";
  /** The rating came more than the grace after its reply. */
  public static final String RATING_TOO_LATE = "RATING_TOO_LATE";
  /** The rated reply's context holds no customer turn, so no training example can be made of it. */
  public static final String NO_CUSTOMER_MESSAGE = "NO_CUSTOMER_MESSAGE";
  /** A reply or rating without a replyId cannot be joined. */
  public static final String MISSING_REPLY_ID = "MISSING_REPLY_ID";

  private FeedbackReasons() {}
}
