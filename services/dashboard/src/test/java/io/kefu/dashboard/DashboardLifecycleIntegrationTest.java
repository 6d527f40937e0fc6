package io.kefu.dashboard;

import static io.kefu.dashboard.support.TestRecords.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.ModelStatus;
import io.kefu.dashboard.support.Http;
import io.kefu.dashboard.support.KefuTestPlatform;
import io.kefu.dashboard.support.TestProducer;
import io.kefu.dashboard.support.TestRecords;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.topic.KefuTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starting before the topics exist, starting again on the same topics, and the lifecycle's guards. */
class DashboardLifecycleIntegrationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static KefuTestPlatform platform;

  @BeforeAll
  static void startPlatform() {
    platform = KefuTestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  private static DashboardServer dashboard(String prefix) {
    return new DashboardServer(platform.dashboardConfig(Map.of(CoreSettings.TOPIC_PREFIX, prefix)));
  }

  @Test
  void shouldWaitForTopicsCreatedAfterItStartsAndThenShowTheirRecords() {
    // Given a dashboard started before its topics exist
    try (DashboardServer dashboard = dashboard("late.")) {
      dashboard.start();
      Http http = new Http(dashboard.port());

      // Then it is live but not ready, and says which topics it waits for
      await().atMost(PATIENCE).until(() -> http.get("/health/live", null).statusCode() == 200);
      assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(503);
      assertThat(Http.json(http.get("/health", null)).path("missingTopics").toString()).contains("late.model-versions");

      // When the topics are created and a version is published
      platform.createTopics("late.");
      try (TestProducer producer = platform.producer()) {
        producer.send(platform.topics("late.").modelVersions(), MODEL,
            TestRecords.version("v1", ModelStatus.ACTIVE, null, "base", System.currentTimeMillis()));
      }

      // Then it becomes ready and shows the version
      await().atMost(PATIENCE).until(() -> http.get("/health/ready", null).statusCode() == 200);
      await().atMost(PATIENCE).until(() -> Http.json(http.get("/api/models", dashboard.adminToken()))
          .path("models").size() == 1);
      assertThat(dashboard.missingTopics()).isEmpty();
    }
  }

  @Test
  void shouldRebuildItsViewsFromTheTopicsWhenStartedAgain() {
    // Given topics holding a model version and an open handoff
    platform.createTopics("again.");
    KefuTopics topics = platform.topics("again.");
    long now = System.currentTimeMillis();
    try (TestProducer producer = platform.producer()) {
      producer.send(topics.modelVersions(), MODEL, TestRecords.version("v1", ModelStatus.ACTIVE, null, "base", now));
      producer.send(topics.handoffs(), "c1", TestRecords.handoff("c1", "m1",
          List.of(TestRecords.customerTurn("hello")), HandoffStatus.OPEN, now));
    }
    for (int start = 1; start <= 2; start++) {
      // When a dashboard (the first, then a fresh one) starts on them
      try (DashboardServer dashboard = dashboard("again.")) {
        dashboard.start();
        Http http = new Http(dashboard.port());
        await().atMost(PATIENCE).until(dashboard::isReady);

        // Then it shows what the topics hold, whatever ran before it
        await().atMost(PATIENCE).untilAsserted(() -> {
          JsonNode snapshot = Http.json(http.get("/api/snapshot", dashboard.viewerToken()));
          assertThat(snapshot.path("models").size()).isEqualTo(1);
          assertThat(snapshot.path("marks").path("v1").asText()).isEqualTo("ACTIVE");
          assertThat(snapshot.path("handoffs").path("open").asInt()).isEqualTo(1);
        });
      }
    }
  }

  @Test
  void shouldStartOnceAndStopQuietlyMoreThanOnce() {
    DashboardServer dashboard = dashboard("");
    assertThatThrownBy(dashboard::port).hasMessage("the dashboard is not started");
    dashboard.start();
    assertThat(dashboard.url()).isEqualTo("http://127.0.0.1:" + dashboard.port() + "/");
    assertThatThrownBy(dashboard::start).hasMessage("the dashboard is already started");
    dashboard.stop();
    dashboard.stop();
    assertThatThrownBy(dashboard::start).hasMessage("the dashboard is stopped; make a new one");
  }
}
