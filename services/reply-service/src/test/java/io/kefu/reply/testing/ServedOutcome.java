package io.kefu.reply.testing;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.HandoffRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one customer message got, labelled with the model version that wrote it: the reply's version when the model
 * answered, the handoff's when a person took over because the model was unsure.
 *
 * @param reply the reply the customer saw
 * @param version the version that generated the reply, or null when no model was asked
 */
public record ServedOutcome(AgentReply reply, String version) {

  /** The outcome of each reply, its handoff (if any) giving the version of a holding reply. */
  public static List<ServedOutcome> of(List<AgentReply> replies, List<HandoffRequest> handoffs) {
    Map<String, HandoffRequest> byMessage = handoffs.stream()
        .collect(Collectors.toMap(HandoffRequest::getMessageId, Function.identity()));
    return replies.stream().map(reply -> new ServedOutcome(reply, reply.getAuthor() == AuthorKind.MODEL
        ? reply.getModelVersion()
        : byMessage.containsKey(reply.getInReplyTo()) ? byMessage.get(reply.getInReplyTo()).getModelVersion() : null))
        .toList();
  }

  /** True when the model wrote the text the customer saw. */
  public boolean byModel() {
    return reply.getAuthor() == AuthorKind.MODEL;
  }
}
