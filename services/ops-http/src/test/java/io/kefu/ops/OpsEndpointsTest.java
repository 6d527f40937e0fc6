package io.kefu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerEachProbeFromItsOwnStateAndServeTheMetricsText() throws Exception {
    // Given a live service that is not ready yet, with one counter
    AtomicBoolean ready = new AtomicBoolean(false);
    try (ServiceMeters meters = new ServiceMeters();
        OpsEndpoints endpoints = new OpsEndpoints(() -> true, ready::get, () -> "waiting for model-versions",
            meters::scrape)) {
      meters.registry().counter("kefu.test.events").increment(3);
      int port = endpoints.start("127.0.0.1", 0);

      // When probed before and after it becomes ready
      HttpResponse<String> live = get(port, "/health/live");
      HttpResponse<String> notReady = get(port, "/health/ready");
      HttpResponse<String> health = get(port, "/health");
      ready.set(true);
      HttpResponse<String> nowReady = get(port, "/health/ready");
      HttpResponse<String> metrics = get(port, "/metrics");

      // Then the probes follow the state, /health explains it, and /metrics holds the counter and the JVM's figures
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).isEqualTo("{\"status\":\"DOWN\"}");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body())
          .isEqualTo("{\"status\":\"DOWN\",\"live\":true,\"ready\":false,\"detail\":\"waiting for model-versions\"}");
      assertThat(nowReady.statusCode()).isEqualTo(200);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
      assertThat(metrics.body()).contains("kefu_test_events_total 3.0").contains("jvm_memory_used_bytes")
          .contains("jvm_threads_live_threads").contains("process_uptime_seconds");
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
