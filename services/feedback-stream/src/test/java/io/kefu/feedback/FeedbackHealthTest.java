package io.kefu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackHealthTest {

  @Test
  void shouldBeReadyOnlyWhileKafkaStreamsIsRunning() {
    // Given the states Kafka Streams passes through; When asked; Then only RUNNING is ready, and status follows up
    assertThat(new FeedbackHealth(true, "RUNNING").ready()).isTrue();
    assertThat(new FeedbackHealth(true, "REBALANCING").ready()).isFalse();
    assertThat(new FeedbackHealth(false, "ERROR").ready()).isFalse();
    assertThat(new FeedbackHealth(false, "NOT_STARTED").ready()).isFalse();
    assertThat(new FeedbackHealth(true, "REBALANCING").status()).isEqualTo("UP");
    assertThat(new FeedbackHealth(false, "ERROR").status()).isEqualTo("DOWN");
  }
}
