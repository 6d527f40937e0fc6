package io.kefu.feedback.decode;

import io.kefu.contract.Feedback;
import io.kefu.feedback.join.HeldRating;
import io.kefu.feedback.route.FeedbackReasons;
import io.kefu.feedback.route.Routed;

/**
 * Accepts a rating of 1..5 and sends it towards the join keyed by the replyId it names (whatever the record key
 * was); refuses anything else.
 */
public final class FeedbackValidation implements DecodedHandler<Feedback> {

  @Override
  public void handle(String key, Feedback feedback, DecodedInput input) {
    String replyId = feedback.getReplyId();
    if (replyId == null || replyId.isBlank()) {
      input.refuse(FeedbackReasons.MISSING_REPLY_ID, "rating " + feedback.getFeedbackId() + " names no replyId");
      return;
    }
    int rating = feedback.getRating();
    if (rating < 1 || rating > 5) {
      input.refuse(FeedbackReasons.RATING_OUT_OF_RANGE, "rating must be 1..5, was " + rating);
      return;
    }
    input.forward(replyId, new Routed.RatingReceived(HeldRating.of(feedback, input.raw(), input.metadata())));
  }
}
