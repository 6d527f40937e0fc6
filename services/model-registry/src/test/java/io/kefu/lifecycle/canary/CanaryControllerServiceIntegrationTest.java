package io.kefu.lifecycle.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.ModelStatus;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.RegistryFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The canary controller service's health and metrics endpoints, on a real broker and registry. */
class CanaryControllerServiceIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldReportReadinessAndCountItsChecksAndTheRunningCanaryOnMetrics() throws Exception {
    // Given the topics of an active base version, and the service checking every 200 ms
    String prefix = "ops.";
    try (RegistryFixture fixture = new RegistryFixture(kafka.broker().clientProperties(), prefix)) {
      ModelRegistryView view = fixture.startedView();
      try (LifecyclePublisher publisher = new LifecyclePublisher(fixture.kafka(), "ops-test",
          fixture.topics().modelVersions(), view, Clock.systemUTC())) {
        publisher.registerBase("kefu", "v1", "file:///store/v1", "sha-v1", Map.of(), Map.of("intent", 0.92));
      }
      view.close();
      KefuConfig config = KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), Map.of(
          CoreSettings.BOOTSTRAP_SERVERS, kafka.broker().bootstrapServers(),
          CoreSettings.SCHEMA_REGISTRY_URL, fixture.registryUrl(),
          CoreSettings.TOPIC_PREFIX, prefix,
          LifecycleSettings.CANARY_CHECK_INTERVAL, "200ms",
          LifecycleSettings.CANARY_HTTP_PORT, "0"));
      try (CanaryControllerService service = new CanaryControllerService(config, Clock.systemUTC())) {
        // When it starts
        service.start();
        int port = service.httpPort();

        // Then it is live and ready, and no canary runs yet
        assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(port, "/health").body()).contains("\"detail\":\"no canary of kefu\"");
        assertThat(get(port, "/metrics").body()).contains("kefu_canary_running 0.0").contains("jvm_memory_used_bytes");

        // When a candidate trained from v1 arrives, Then a check starts its canary and the metrics show it
        fixture.writeCandidate("v2", "v1", Instant.now());
        assertThat(service.view().awaitStatus("kefu", "v2", ModelStatus.CANARY, Duration.ofSeconds(30))).isPresent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(port, "/metrics").body())
            .contains("kefu_canary_running 1.0")
            .containsPattern("kefu_canary_checks_total\\{verdict=\"CONTINUE\"\\} [1-9]"));
        assertThat(get(port, "/health").body()).contains("\"detail\":\"canary v2 of kefu\"");
      }
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
