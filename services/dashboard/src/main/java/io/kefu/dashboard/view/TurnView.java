package io.kefu.dashboard.view;

/**
 * One turn of a conversation as the dashboard shows it.
 *
 * @param author {@code CUSTOMER}, {@code MODEL}, {@code HUMAN} or {@code SYSTEM}
 * @param text what was said (clipped to {@value Texts#MAX_CHARS} chars)
 * @param atMillis when, epoch milliseconds; 0 when the source did not say
 * @param replyId the reply's id for agent turns, else null
 * @param modelVersion the version that wrote a model turn, else null
 * @param operatorId the operator who wrote a human turn, else null
 * @param rating the customer's latest rating of this reply, else null
 */
public record TurnView(String author, String text, long atMillis, String replyId, String modelVersion,
    String operatorId, Integer rating) {

  /** A customer turn. */
  public static TurnView customer(String text, long atMillis) {
    return new TurnView("CUSTOMER", Texts.clip(text), atMillis, null, null, null, null);
  }

  /** This turn with a rating. */
  TurnView rated(int stars) {
    return new TurnView(author, text, atMillis, replyId, modelVersion, operatorId, stars);
  }
}
