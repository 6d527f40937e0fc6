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
 * @param modelNanos model time of this message (0 when the model was not asked or did not measure it)
 */
public record Answer(AgentReply reply, HandoffRequest handoff, int tokens, long modelNanos) {

  /** An answer whose model time is unknown. */
  public Answer(AgentReply reply, HandoffRequest handoff, int tokens) {
    this(reply, handoff, tokens, 0L);
  }

  public Optional<HandoffRequest> handoffRequest() {
    return Optional.ofNullable(handoff);
  }
}
