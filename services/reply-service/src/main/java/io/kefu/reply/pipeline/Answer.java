package io.kefu.reply.pipeline;

import io.kefu.contract.AgentReply;
import io.kefu.contract.HandoffRequest;
import java.util.Optional;

/**
 * What one customer message gets: the reply the customer sees and, when a person takes over, the handoff request.
 *
 * @param reply the model's reply, or the holding reply of a handoff
 * @param handoff the handoff request, or null
 * @param tokens tokens the model generated for this message (0 when it was not asked)
 */
public record Answer(AgentReply reply, HandoffRequest handoff, int tokens) {

  public Optional<HandoffRequest> handoffRequest() {
    return Optional.ofNullable(handoff);
  }
}
