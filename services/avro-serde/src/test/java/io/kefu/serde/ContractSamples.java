package io.kefu.serde;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.ExampleSource;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OpsMetrics;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.contract.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated record of every contract record type, with non-ASCII text and non-default values. */
final class ContractSamples {

  private static final Instant AT = Instant.ofEpochMilli(1_700_000_123_456L);

  private ContractSamples() {}

  static CustomerMessage customerMessage() {
    return CustomerMessage.newBuilder()
        .setMessageId("m-1").setConversationId("c-1").setCustomerId("cust-9")
        .setText("我的订单 #A123 在哪里? 📦").setLocale(Locale.ZH).setChannel(Channel.APP).setSentAt(AT)
        .setAttributes(Map.of("platform", "ios", "app.version", "3.2.1"))
        .build();
  }

  static Turn turn(Role role, String text) {
    return Turn.newBuilder().setRole(role).setText(text).build();
  }

  static AgentReply agentReply() {
    return AgentReply.newBuilder()
        .setReplyId("r-1").setConversationId("c-1").setInReplyTo("m-1").setText("Your order ships tomorrow.")
        .setLocale(Locale.EN).setAuthor(AuthorKind.MODEL).setModelVersion("v3").setOperatorId(null)
        .setConfidence(0.875).setLatencyMs(412L).setHandedOff(false)
        .setContext(List.of(turn(Role.CUSTOMER, "where is my order?"), turn(Role.AGENT, "Let me check.")))
        .setCreatedAt(AT)
        .build();
  }

  static HandoffRequest handoffRequest() {
    return HandoffRequest.newBuilder()
        .setHandoffId("h-1").setConversationId("c-1").setMessageId("m-1").setReason(HandoffReason.CUSTOMER_ASKED)
        .setConfidence(0.25).setModelVersion("v3").setLocale(Locale.ZH)
        .setTranscript(List.of(turn(Role.CUSTOMER, "转人工"))).setStatus(HandoffStatus.ANSWERED).setCreatedAt(AT)
        .build();
  }

  static TrainingExample trainingExample() {
    return TrainingExample.newBuilder()
        .setExampleId("e-1").setReplyId("r-1").setConversationId("c-1")
        .setContext(List.of(turn(Role.CUSTOMER, "refund for [ORDER]?")))
        .setCustomerMessage("refund for [ORDER]?").setReply("Refunds take 3-5 days.")
        .setRating(2).setComment("too slow").setWeight(-0.5).setSource(ExampleSource.RATED_MODEL_REPLY)
        .setModelVersion("v3").setLocale(Locale.EN).setRedactions(1).setCreatedAt(AT)
        .build();
  }

  static ModelVersion modelVersion() {
    return ModelVersion.newBuilder()
        .setModelName("kefu-lm").setVersion("v4").setStatus(ModelStatus.CANARY).setParentVersion("v3")
        .setArtifactUri("file:///var/kefu/models/v4").setManifestSha256("ab".repeat(32))
        .setTrainingMetrics(Map.of("loss", 1.25)).setEvaluation(Map.of("heldOutLoss", 1.5, "csat", 0.8))
        .setCanaryShare(0.1).setReason("fine-tuned on 512 examples").setChangedAt(AT)
        .build();
  }

  static OpsMetrics opsMetrics() {
    return OpsMetrics.newBuilder()
        .setModelVersion("v3").setWindowStart(AT).setWindowEnd(AT.plusSeconds(60))
        .setMessages(120L).setReplies(118L).setHandoffs(2L).setRatings(40L).setRatingSum(161L)
        .setAverageRating(4.025).setCsat(0.8).setLatencyP50Ms(310.0).setLatencyP95Ms(870.5).setLatencyP99Ms(null)
        .setDlqRecords(Long.MIN_VALUE)
        .build();
  }

  static List<SpecificRecord> all() {
    return List.of(customerMessage(), agentReply(), handoffRequest(), ConfluentWireFormatVectorTest.fixedFeedback(),
        trainingExample(), modelVersion(), opsMetrics(), turn(Role.AGENT, "你好"));
  }
}
