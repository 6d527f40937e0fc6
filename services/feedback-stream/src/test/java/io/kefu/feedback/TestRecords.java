package io.kefu.feedback;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders of contract records for tests, with plain, PII-free texts unless a test gives its own. */
final class TestRecords {
  private TestRecords() {}

  static List<Turn> context(String customerMessage) {
    return List.of(
        new Turn(Role.CUSTOMER, "Hello, I have a question about order A-1001."),
        new Turn(Role.AGENT, "Of course, what would you like to know?"),
        new Turn(Role.CUSTOMER, customerMessage));
  }

  static AgentReply modelReply(String replyId, String version, long latencyMs, Instant createdAt) {
    return reply(replyId, AuthorKind.MODEL, version, latencyMs, createdAt, context("When will it arrive?"),
        "It ships tomorrow and arrives within 3 days.");
  }

  static AgentReply humanReply(String replyId, Instant createdAt) {
    return reply(replyId, AuthorKind.HUMAN, null, 90_000, createdAt, context("I want a refund for the broken lamp."),
        "I have refunded 25.00 to your original payment method.");
  }

  static AgentReply systemReply(String replyId, Instant createdAt) {
    AgentReply reply = reply(replyId, AuthorKind.SYSTEM, null, 15, createdAt, context("Let me talk to a person."),
        "A colleague will be with you shortly.");
    reply.setHandedOff(true);
    return reply;
  }

  static AgentReply reply(String replyId, AuthorKind author, String version, long latencyMs, Instant createdAt,
      List<Turn> context, String text) {
    return AgentReply.newBuilder()
        .setReplyId(replyId)
        .setConversationId("conv-" + replyId)
        .setInReplyTo("msg-" + replyId)
        .setText(text)
        .setLocale(Locale.EN)
        .setAuthor(author)
        .setModelVersion(version)
        .setOperatorId(author == AuthorKind.HUMAN ? "operator-7" : null)
        .setConfidence(author == AuthorKind.MODEL ? 0.9 : 1.0)
        .setLatencyMs(latencyMs)
        .setHandedOff(false)
        .setContext(context)
        .setCreatedAt(createdAt)
        .build();
  }

  static Feedback rating(String replyId, int rating, String comment, Instant ratedAt) {
    return Feedback.newBuilder()
        .setFeedbackId("fb-" + replyId + "-" + ratedAt.toEpochMilli())
        .setReplyId(replyId)
        .setConversationId("conv-" + replyId)
        .setRating(rating)
        .setComment(comment)
        .setRatedAt(ratedAt)
        .build();
  }

  static CustomerMessage message(String messageId, Instant sentAt) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId)
        .setConversationId("conv-" + messageId)
        .setText("Where is my parcel?")
        .setLocale(Locale.EN)
        .setChannel(Channel.OTHER)
        .setSentAt(sentAt)
        .setAttributes(Map.of())
        .build();
  }

  static HandoffRequest handoff(String handoffId, String version, HandoffStatus status, Instant createdAt) {
    return HandoffRequest.newBuilder()
        .setHandoffId(handoffId)
        .setConversationId("conv-" + handoffId)
        .setMessageId("msg-" + handoffId)
        .setReason(HandoffReason.LOW_CONFIDENCE)
        .setConfidence(0.2)
        .setModelVersion(version)
        .setLocale(Locale.EN)
        .setTranscript(List.of())
        .setStatus(status)
        .setCreatedAt(createdAt)
        .build();
  }
}
