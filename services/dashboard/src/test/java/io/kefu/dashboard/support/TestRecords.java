package io.kefu.dashboard.support;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Schema-valid records as the chat platform and Kefu's services write them. */
public final class TestRecords {
  public static final String MODEL = "kefu-gpt";

  private TestRecords() {}

  public static CustomerMessage message(String conversationId, String messageId, String text, Locale locale, long at) {
    return CustomerMessage.newBuilder()
        .setMessageId(messageId).setConversationId(conversationId).setCustomerId("customer-" + conversationId)
        .setText(text).setLocale(locale).setChannel(Channel.SIMULATOR).setSentAt(Instant.ofEpochMilli(at))
        .setAttributes(Map.of()).build();
  }

  public static AgentReply modelReply(String conversationId, String replyId, String inReplyTo, String text,
      String version, long latencyMs, long at) {
    return AgentReply.newBuilder()
        .setReplyId(replyId).setConversationId(conversationId).setInReplyTo(inReplyTo).setText(text)
        .setLocale(Locale.EN).setAuthor(AuthorKind.MODEL).setModelVersion(version).setOperatorId(null)
        .setConfidence(0.9).setLatencyMs(latencyMs).setHandedOff(false).setContext(List.of())
        .setCreatedAt(Instant.ofEpochMilli(at)).build();
  }

  public static AgentReply humanReply(String conversationId, String text, long at) {
    return AgentReply.newBuilder()
        .setReplyId("human-" + conversationId + "-" + at).setConversationId(conversationId).setInReplyTo("m")
        .setText(text).setLocale(Locale.EN).setAuthor(AuthorKind.HUMAN).setModelVersion(null).setOperatorId("op")
        .setConfidence(1.0).setLatencyMs(0).setHandedOff(false).setContext(List.of())
        .setCreatedAt(Instant.ofEpochMilli(at)).build();
  }

  public static HandoffRequest handoff(String conversationId, String messageId, List<Turn> transcript,
      HandoffStatus status, long at) {
    return HandoffRequest.newBuilder()
        .setHandoffId("h-" + conversationId + "-" + at).setConversationId(conversationId).setMessageId(messageId)
        .setReason(HandoffReason.LOW_CONFIDENCE).setConfidence(0.21).setModelVersion("v1").setLocale(Locale.ZH)
        .setTranscript(transcript).setStatus(status).setCreatedAt(Instant.ofEpochMilli(at)).build();
  }

  public static Turn customerTurn(String text) {
    return new Turn(Role.CUSTOMER, text);
  }

  public static Turn agentTurn(String text) {
    return new Turn(Role.AGENT, text);
  }

  public static Feedback rating(String replyId, String conversationId, int stars, long at) {
    return Feedback.newBuilder()
        .setFeedbackId("f-" + replyId + "-" + at).setReplyId(replyId).setConversationId(conversationId)
        .setRating(stars).setComment(null).setRatedAt(Instant.ofEpochMilli(at)).build();
  }

  public static ModelVersion version(String version, ModelStatus status, String parent, String reason, long at) {
    return ModelVersion.newBuilder()
        .setModelName(MODEL).setVersion(version).setStatus(status).setParentVersion(parent)
        .setArtifactUri("file:///models/" + version).setManifestSha256("ab".repeat(32))
        .setTrainingMetrics(Map.of("loss", 1.234, "examples", 512.0))
        .setEvaluation(Map.of("heldOutLoss", 1.5, "intentAccuracy", 0.91))
        .setCanaryShare(status == ModelStatus.CANARY ? 0.1 : 0.0).setReason(reason)
        .setChangedAt(Instant.ofEpochMilli(at)).build();
  }
}
