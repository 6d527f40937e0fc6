package io.kefu.feedback.decode;

import io.kefu.contract.Feedback;
import io.kefu.feedback.join.HeldRating;
import io.kefu.feedback.route.FeedbackReasons;
import io.kefu.feedback.route.Routed;

/** Accepts a rating keyed by its replyId with a value of 1..5 and sends it to the join; refuses anything else. */
public final class FeedbackValidation implements DecodedHandler<Feedback> {

  @Override
  public void handle(String key, Feedback feedback, DecodedInput input) {
    String replyId = feedback.getReplyId();
    if (key == null || !key.equals(replyId)) {
      input.refuse(FeedbackReasons.KEY_MISMATCH, "feedback must be keyed by its replyId '" + replyId + "', key was "
          + (key == null ? "null" : "'" + key + "'"));
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
