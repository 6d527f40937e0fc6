package io.kefu.kafka.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedKafkaExtensionIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  @Test
  void shouldHandTestsARunningBrokerThatCreatesTopics(EmbeddedKafkaBroker broker) throws Exception {
    // Given the broker the extension started
    assertThat(broker).isSameAs(kafka.broker());
    assertThat(broker.isRunning()).isTrue();

    // When a topic is created through its address
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.createTopics(List.of(new NewTopic("extension", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

      // Then the broker lists it (once its metadata has caught up with the controller)
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsExactly("extension"));
    }
    assertThat(kafka.bootstrapServers()).isEqualTo(broker.bootstrapServers()).startsWith("127.0.0.1:");
  }
}
