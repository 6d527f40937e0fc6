package io.kefu.reply.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientPropertiesTest {

  private static ClientProperties properties(Map<String, Object> common) {
    return new ClientProperties(common, "kefu-reply-service", "one", 256, Duration.ofSeconds(30));
  }

  @Test
  void shouldRetryATransactionRequestAfterFiveMillisecondsUnlessTheUserSetsAnotherBackoff() {
    // Given no client settings, then a user's retry.backoff.ms
    Map<String, Object> defaults = properties(Map.of()).producer();
    Map<String, Object> tuned = properties(Map.of(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50)).producer();

    // Then the reply producer backs off 5 ms by default, and the user's setting wins
    assertThat(defaults).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
    assertThat(tuned).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50);
  }

  @Test
  void shouldKeepTheSettingsExactlyOnceDependsOnWhateverTheUserSets() {
    // Given a user who tries to turn idempotence off and acknowledge from the leader alone
    Map<String, Object> producer = properties(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
        ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.TRANSACTIONAL_ID_CONFIG, "other")).producer();

    // Then the reply producer stays idempotent, transactional under its own id, and waits for every replica
    assertThat(producer).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kefu-reply-service-one");
  }
}
