package io.kefu.feedback.decode;

import io.kefu.contract.AgentReply;
import io.kefu.feedback.route.FeedbackReasons;
import io.kefu.feedback.route.Routed;

/** Re-keys a reply from conversationId to replyId, keeping its original bytes, so it can meet its ratings. */
public final class ReplyKeying implements DecodedHandler<AgentReply> {

  @Override
  public void handle(String key, AgentReply reply, DecodedInput input) {
    String replyId = reply.getReplyId();
    if (replyId == null || replyId.isBlank()) {
      input.refuse(FeedbackReasons.MISSING_REPLY_ID, "reply in conversation '" + reply.getConversationId()
          + "' has a blank replyId");
      return;
    }
    input.forward(replyId, new Routed.ReplyBytes(input.raw().value()));
  }
}
