package io.kefu.feedback;

import static io.kefu.feedback.TestRecords.rating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.serde.RestSchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema registry that cannot be reached is not bad input: nothing is dead-lettered and the record is retried. */
class RegistryOutageTest {
  @TempDir
  Path stateDir;

  @Test
  void shouldFailTheRecordForARetryInsteadOfDeadLetteringItWhenTheRegistryIsUnreachable() {
    // Given a topology whose registry client points where nothing listens
    try (RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient("http://127.0.0.1:1");
        FeedbackDriver driver = new FeedbackDriver(stateDir, FeedbackTopologySettings.defaults(), unreachable)) {
      Instant at = Instant.parse("2030-03-01T10:00:00Z");
      byte[] value = driver.bytes(driver.topics.feedback(), rating("r-1", 5, null, at));
      // When a well-formed rating arrives
      // Then processing fails (the stream thread would be replaced and retry from the last commit)
      assertThatThrownBy(() -> driver.rawFeedback("r-1".getBytes(StandardCharsets.UTF_8), value, at))
          .isInstanceOf(StreamsException.class)
          .rootCause()
          .isInstanceOf(io.kefu.feedback.errors.RegistryUnavailableException.class)
          .hasMessageStartingWith("cannot decode feedback-0@0 because the schema registry failed: REGISTRY_ERROR:")
          .hasMessageContaining("java.net.ConnectException");
      // And nothing went to the dead-letter topic
      assertThat(driver.deadLetters()).isEmpty();
      assertThat(driver.counters.count("kefu.feedback.dead.letters", "source", "feedback",
          "reason", "REGISTRY_ERROR")).isZero();
    }
  }
}
