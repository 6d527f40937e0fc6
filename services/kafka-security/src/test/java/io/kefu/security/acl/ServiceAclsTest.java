package io.kefu.security.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.topic.TopicCatalogue;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

class ServiceAclsTest {
  private static final ServiceAcls ACLS = ServiceAcls.defaults(TopicCatalogue.load(""));

  /** Each binding as {@code OPERATION RESOURCE PATTERN name}, all ALLOW for the principal from any host. */
  private static List<String> describe(List<AclBinding> bindings, String principal) {
    assertThat(bindings).allSatisfy(binding -> {
      assertThat(binding.entry().principal()).isEqualTo(principal);
      assertThat(binding.entry().host()).isEqualTo("*");
      assertThat(binding.entry().permissionType().name()).isEqualTo("ALLOW");
    });
    return bindings.stream().map(b -> b.entry().operation() + " " + b.pattern().resourceType() + " "
        + b.pattern().patternType() + " " + b.pattern().name()).collect(Collectors.toList());
  }

  @Test
  void shouldLetTheReplyServiceReadMessagesWriteRepliesAndCommitUnderItsOwnGroupAndTransactionalIds() {
    List<AclBinding> bindings = ACLS.forService(KefuService.REPLY_SERVICE, "User:reply-service");

    assertThat(describe(bindings, "User:reply-service")).containsExactly(
        "READ TOPIC LITERAL customer-messages",
        "READ TOPIC LITERAL conversation-turns",
        "READ TOPIC LITERAL model-versions",
        "WRITE TOPIC LITERAL agent-replies",
        "WRITE TOPIC LITERAL handoffs",
        "WRITE TOPIC LITERAL customer-messages.dlq",
        "WRITE TOPIC LITERAL conversation-turns",
        "WRITE TOPIC LITERAL model-versions",
        "READ GROUP LITERAL kefu-reply-service",
        "WRITE TRANSACTIONAL_ID PREFIXED kefu-reply-service");
  }

  @Test
  void shouldLetTheFeedbackStreamManageOnlyTheInternalTopicsOfItsApplicationId() {
    List<AclBinding> bindings = ACLS.forService(KefuService.FEEDBACK_STREAM, "User:feedback-stream");

    assertThat(describe(bindings, "User:feedback-stream")).containsExactly(
        "READ TOPIC LITERAL feedback",
        "READ TOPIC LITERAL agent-replies",
        "READ TOPIC LITERAL customer-messages",
        "READ TOPIC LITERAL handoffs",
        "READ TOPIC LITERAL customer-messages.dlq",
        "READ TOPIC LITERAL agent-replies.dlq",
        "READ TOPIC LITERAL handoffs.dlq",
        "READ TOPIC LITERAL feedback.dlq",
        "WRITE TOPIC LITERAL training-examples",
        "WRITE TOPIC LITERAL ops-metrics",
        "WRITE TOPIC LITERAL feedback.dlq",
        "WRITE TOPIC LITERAL agent-replies.dlq",
        "WRITE TOPIC LITERAL handoffs.dlq",
        "CREATE TOPIC PREFIXED kefu-feedback-stream",
        "READ TOPIC PREFIXED kefu-feedback-stream",
        "WRITE TOPIC PREFIXED kefu-feedback-stream",
        "DELETE TOPIC PREFIXED kefu-feedback-stream",
        "DESCRIBE_CONFIGS TOPIC PREFIXED kefu-feedback-stream",
        "READ GROUP LITERAL kefu-feedback-stream",
        "WRITE TRANSACTIONAL_ID PREFIXED kefu-feedback-stream");
  }

  @Test
  void shouldLetTheFineTunerPublishModelVersionsFromTrainingExamplesAndCommands() {
    assertThat(describe(ACLS.forService(KefuService.FINE_TUNER, "User:fine-tuner"), "User:fine-tuner"))
        .containsExactly(
            "READ TOPIC LITERAL training-examples",
            "READ TOPIC LITERAL operator-commands",
            "WRITE TOPIC LITERAL model-versions",
            "READ GROUP LITERAL kefu-fine-tuner",
            "WRITE TRANSACTIONAL_ID PREFIXED kefu-fine-tuner");
  }

  @Test
  void shouldLetTheDashboardReadEveryTopicButWriteOnlyRepliesAndCommandsAndOnlyDescribeOtherGroups() {
    assertThat(describe(ACLS.forService(KefuService.DASHBOARD, "User:dashboard"), "User:dashboard"))
        .containsExactly(
            "READ TOPIC LITERAL customer-messages",
            "READ TOPIC LITERAL customer-messages.dlq",
            "READ TOPIC LITERAL agent-replies",
            "READ TOPIC LITERAL agent-replies.dlq",
            "READ TOPIC LITERAL handoffs",
            "READ TOPIC LITERAL handoffs.dlq",
            "READ TOPIC LITERAL feedback",
            "READ TOPIC LITERAL feedback.dlq",
            "READ TOPIC LITERAL training-examples",
            "READ TOPIC LITERAL model-versions",
            "READ TOPIC LITERAL ops-metrics",
            "READ TOPIC LITERAL operator-commands",
            "READ TOPIC LITERAL conversation-turns",
            "WRITE TOPIC LITERAL agent-replies",
            "WRITE TOPIC LITERAL operator-commands",
            "READ GROUP PREFIXED kefu-dashboard",
            "DESCRIBE GROUP LITERAL kefu-reply-service",
            "DESCRIBE GROUP LITERAL kefu-feedback-stream",
            "DESCRIBE GROUP LITERAL kefu-fine-tuner");
  }

  @Test
  void shouldLetTheSimulatorSendMessagesAndRatingsAndReadReplies() {
    assertThat(describe(ACLS.forService(KefuService.SIMULATOR, "User:simulator"), "User:simulator"))
        .containsExactly(
            "WRITE TOPIC LITERAL customer-messages",
            "WRITE TOPIC LITERAL feedback",
            "READ TOPIC LITERAL agent-replies",
            "READ GROUP PREFIXED kefu-simulator");
  }

  @Test
  void shouldLetTheSchemaRegistryCreateReadWriteAndCheckOnlyItsOwnTopic() {
    assertThat(describe(ACLS.forService(KefuService.SCHEMA_REGISTRY, "User:registry"), "User:registry"))
        .containsExactly(
            "READ TOPIC LITERAL _schemas",
            "WRITE TOPIC LITERAL _schemas",
            "CREATE TOPIC LITERAL _schemas",
            "DESCRIBE_CONFIGS TOPIC LITERAL _schemas",
            "READ GROUP PREFIXED kefu-schema-registry");
  }

  @Test
  void shouldNameTopicsAndTheStreamsApplicationIdWithTheTopicPrefix() {
    // Given the catalogue and default groups of the prefix "prod."
    ServiceAcls prefixed = ServiceAcls.defaults(TopicCatalogue.load("prod."));

    // When the feedback stream's and the reply service's ACLs are made
    List<String> feedback = describe(prefixed.forService(KefuService.FEEDBACK_STREAM, "User:fs"), "User:fs");
    List<String> reply = describe(prefixed.forService(KefuService.REPLY_SERVICE, "User:rs"), "User:rs");

    // Then topics and the application id carry the prefix; the reply service's group keeps its setting's default
    assertThat(feedback).contains("READ TOPIC LITERAL prod.feedback", "WRITE TOPIC LITERAL prod.feedback.dlq",
        "CREATE TOPIC PREFIXED prod.kefu-feedback-stream", "READ GROUP LITERAL prod.kefu-feedback-stream",
        "WRITE TRANSACTIONAL_ID PREFIXED prod.kefu-feedback-stream");
    assertThat(reply).contains("READ TOPIC LITERAL prod.customer-messages", "READ GROUP LITERAL kefu-reply-service");
  }

  @Test
  void shouldUseTheGivenGroupsAndRegistryTopic() {
    ServiceAcls custom = new ServiceAcls(TopicCatalogue.load(""),
        new ServiceGroups("replies-eu", "fs-eu", "ft-eu", "dash-eu", "sim-eu", "sr-eu"), "_schemas_eu");

    assertThat(describe(custom.forService(KefuService.REPLY_SERVICE, "User:r"), "User:r"))
        .contains("READ GROUP LITERAL replies-eu", "WRITE TRANSACTIONAL_ID PREFIXED replies-eu");
    assertThat(describe(custom.forService(KefuService.SCHEMA_REGISTRY, "User:s"), "User:s"))
        .contains("WRITE TOPIC LITERAL _schemas_eu", "READ GROUP PREFIXED sr-eu");
  }

  @Test
  void shouldRejectAPrincipalWithoutItsType() {
    assertThatThrownBy(() -> ACLS.forService(KefuService.SIMULATOR, "simulator"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("principal of simulator must be Type:name such as User:simulator, was 'simulator'");
  }
}
