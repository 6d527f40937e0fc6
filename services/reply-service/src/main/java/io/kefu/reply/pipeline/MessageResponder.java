package io.kefu.reply.pipeline;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Turn;
import io.kefu.reply.confidence.ConfidenceMapping;
import io.kefu.reply.generate.GeneratedReply;
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.handoff.HandoffPolicy;
import io.kefu.reply.handoff.HoldingReplies;
import io.kefu.reply.memory.ConversationState;
import io.kefu.reply.memory.RecentTurn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one valid customer message given its conversation's state: a handoff when the customer asks for a
 * person, otherwise the model's reply, or a handoff when the model is not confident enough.
 *
 * <p>The reply's context is the remembered turns followed by the customer message (last), exactly what the reply
 * was conditioned on; the new state appends the message and the reply the customer saw.
 */
public final class MessageResponder {

  /** The answer to one message and the conversation's state after it. */
  public record Responded(Answer answer, ConversationState state) {}

  private final ReplyGenerator generator;
  private final HandoffPolicy policy;
  private final int memoryTurns;
  private final int memoryMessageIds;
  private final Clock clock;

  public MessageResponder(ReplyGenerator generator, HandoffPolicy policy, int memoryTurns, int memoryMessageIds,
      Clock clock) {
    this.generator = generator;
    this.policy = policy;
    this.memoryTurns = memoryTurns;
    this.memoryMessageIds = memoryMessageIds;
    this.clock = clock;
  }

  /** Starts answering {@code message}; the future fails only when the generator fails. */
  public CompletableFuture<Responded> respond(CustomerMessage message, ConversationState state) {
    Optional<HandoffReason> asked = policy.beforeGeneration(message.getText());
    if (asked.isPresent()) {
      return CompletableFuture.completedFuture(handOff(message, state, asked.get(), 1.0, null, 0, 0L));
    }
    return generator.generate(message.getConversationId(), state.turns(), message.getText())
        .thenApply(generated -> answer(message, state, generated));
  }

  private Responded answer(CustomerMessage message, ConversationState state, GeneratedReply generated) {
    double confidence = ConfidenceMapping.of(generated);
    Optional<HandoffReason> unsure = policy.afterGeneration(confidence);
    if (unsure.isPresent()) {
      return handOff(message, state, unsure.get(), confidence, generated.modelVersion(), generated.tokens(),
          generated.modelNanos());
    }
    AgentReply reply = reply(message, state, generated.text(), AuthorKind.MODEL, generated.modelVersion(),
        confidence, false);
    return new Responded(new Answer(reply, null, generated.tokens(), generated.modelNanos()),
        next(message, state, generated.text()));
  }

  private Responded handOff(CustomerMessage message, ConversationState state, HandoffReason reason,
      double confidence, String modelVersion, int tokens, long modelNanos) {
    String holding = HoldingReplies.text(message.getLocale());
    // The holding reply is written by the service, so it names no model version; the handoff records which one
    // was unsure.
    AgentReply reply = reply(message, state, holding, AuthorKind.SYSTEM, null, confidence, true);
    HandoffRequest handoff = HandoffRequest.newBuilder()
        .setHandoffId(ReplyIds.handoffId(message.getConversationId(), message.getMessageId()))
        .setConversationId(message.getConversationId())
        .setMessageId(message.getMessageId())
        .setReason(reason)
        .setConfidence(confidence)
        .setModelVersion(modelVersion)
        .setLocale(message.getLocale())
        .setTranscript(context(state, message))
        .setStatus(HandoffStatus.OPEN)
        .setCreatedAt(clock.instant())
        .build();
    return new Responded(new Answer(reply, handoff, tokens, modelNanos), next(message, state, holding));
  }

  private AgentReply reply(CustomerMessage message, ConversationState state, String text, AuthorKind author,
      String modelVersion, double confidence, boolean handedOff) {
    return AgentReply.newBuilder()
        .setReplyId(ReplyIds.replyId(message.getConversationId(), message.getMessageId()))
        .setConversationId(message.getConversationId())
        .setInReplyTo(message.getMessageId())
        .setText(text)
        .setLocale(message.getLocale())
        .setAuthor(author)
        .setModelVersion(modelVersion)
        .setOperatorId(null)
        .setConfidence(confidence)
        .setLatencyMs(0L) // set when the reply is handed to the producer
        .setHandedOff(handedOff)
        .setContext(context(state, message))
        .setCreatedAt(clock.instant())
        .build();
  }

  private static List<Turn> context(ConversationState state, CustomerMessage message) {
    List<Turn> turns = new ArrayList<>(state.turns().size() + 1);
    state.turns().forEach(t -> turns.add(t.toContract()));
    turns.add(RecentTurn.customer(message.getText()).toContract());
    return turns;
  }

  private ConversationState next(CustomerMessage message, ConversationState state, String replyText) {
    return state.after(message.getMessageId(), RecentTurn.customer(message.getText()), RecentTurn.agent(replyText),
        memoryTurns, memoryMessageIds);
  }
}
