package io.kefu.kafka.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

  @Test
  void shouldDeclareEveryTopicOfTheBriefWithItsDeadLetterCompanions() {
    TopicCatalogue catalogue = TopicCatalogue.load("");

    assertThat(catalogue.all()).extracting(TopicSpec::name).containsExactly(
        "customer-messages", "customer-messages.dlq", "agent-replies", "agent-replies.dlq", "handoffs", "handoffs.dlq",
        "feedback", "feedback.dlq",
        "training-examples", "model-versions", "ops-metrics", "operator-commands", "conversation-turns");
    assertThat(catalogue.spec(TopicNames.MODEL_VERSIONS).cleanupPolicy()).isEqualTo("compact");
    assertThat(catalogue.spec(TopicNames.TRAINING_EXAMPLES).cleanupPolicy()).isEqualTo("compact");
    assertThat(catalogue.spec(TopicNames.CUSTOMER_MESSAGES).partitions()).isEqualTo(6);
  }

  @Test
  void shouldPutThePrefixInFrontOfEveryName() {
    TopicCatalogue catalogue = TopicCatalogue.load("prod.");
    assertThat(catalogue.name(TopicNames.FEEDBACK)).isEqualTo("prod.feedback");
    assertThat(catalogue.dlqName(TopicNames.FEEDBACK)).isEqualTo("prod.feedback.dlq");
  }

  @Test
  void shouldNameTheDeclaredTopicsWhenAskedForAnUnknownOne() {
    assertThatThrownBy(() -> TopicCatalogue.load("").spec("replies"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no topic 'replies' is declared; declared: [customer-messages,");
  }

  @Test
  void shouldRefuseAPrefixKafkaCannotName() {
    assertThatThrownBy(() -> TopicCatalogue.load("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic.prefix");
  }
}
