package io.kefu.poison.verify;

/**
 * A well-formed record written around the poison ones, which must be answered: a customer message (by exactly one
 * reply to its messageId) or a rating (by exactly one training example of its replyId with its stars).
 *
 * @param sent where it went
 * @param messageId the message's id, or null for a rating
 * @param replyId the rated reply's id, or null for a message
 * @param stars the rating's stars, or 0 for a message
 */
public record GoodInput(SentRecord sent, String messageId, String replyId, int stars) {

  public static GoodInput message(SentRecord sent, String messageId) {
    return new GoodInput(sent, messageId, null, 0);
  }

  public static GoodInput rating(SentRecord sent, String replyId, int stars) {
    return new GoodInput(sent, null, replyId, stars);
  }

  public boolean isMessage() {
    return messageId != null;
  }
}
