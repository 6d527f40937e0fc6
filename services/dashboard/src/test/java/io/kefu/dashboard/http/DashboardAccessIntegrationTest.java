package io.kefu.dashboard.http;

import static io.kefu.dashboard.support.TestRecords.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CommandKind;
import io.kefu.contract.HandoffStatus;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.OperatorCommand;
import io.kefu.dashboard.DashboardServer;
import io.kefu.dashboard.DashboardSettings;
import io.kefu.dashboard.support.BuildInfo;
import io.kefu.dashboard.support.Http;
import io.kefu.dashboard.support.KefuTestPlatform;
import io.kefu.dashboard.support.TestProducer;
import io.kefu.dashboard.support.TestRecords;
import io.kefu.dashboard.support.TopicReader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access control over real HTTP against a started dashboard on a real broker: every API route refuses a missing or
 * wrong token with 401 and no data, refuses a viewer on an admin action with 403, and serves an admin.
 */
class DashboardAccessIntegrationTest {
  private static final String ADMIN = "admin-token-0123456789";
  private static final String VIEWER = "viewer-token-0123456789";
  private static final String LAGGING_GROUP = "kefu-test-reply-service";

  /** A route of the API and whether only an admin may call it. */
  private record Route(String method, String path, String body, boolean adminOnly) {}

  private static final List<Route> ROUTES = List.of(
      new Route("GET", "/api/session", null, false),
      new Route("GET", "/api/snapshot", null, false),
      new Route("GET", "/api/throughput", null, false),
      new Route("GET", "/api/latency", null, false),
      new Route("GET", "/api/ratings", null, false),
      new Route("GET", "/api/lag", null, false),
      new Route("GET", "/api/models", null, false),
      new Route("GET", "/api/handoffs", null, false),
      new Route("GET", "/api/conversations", null, false),
      new Route("GET", "/api/dlq", null, false),
      new Route("GET", "/api/commands", null, false),
      new Route("POST", "/api/models/" + MODEL + "/v2/promote", "{\"reason\":\"canary rated better\"}", true),
      new Route("POST", "/api/models/" + MODEL + "/v1/roll-back", null, true),
      new Route("POST", "/api/training/train-now", "{}", true),
      new Route("POST", "/api/training/pause", "{\"reason\":\"holiday freeze\"}", true),
      new Route("POST", "/api/training/resume", null, true),
      new Route("POST", "/api/handoffs/c-answer/answer", "{\"text\":\"您好, your refund is on its way\"}", true),
      new Route("POST", "/api/handoffs/c-close/close", "{}", true));

  private static KefuTestPlatform platform;
  private static DashboardServer dashboard;
  private static Http http;

  @BeforeAll
  static void startDashboardWithARegistryHandoffsAndALaggingGroup() throws Exception {
    platform = KefuTestPlatform.start();
    long now = System.currentTimeMillis();
    try (TestProducer producer = platform.producer()) {
      var topics = platform.topics();
      producer.send(topics.modelVersions(), MODEL, TestRecords.version("v1", ModelStatus.ACTIVE, null, "base", now));
      producer.send(topics.modelVersions(), MODEL,
          TestRecords.version("v2", ModelStatus.CANARY, "v1", "eval passed", now + 1));
      producer.send(topics.modelVersions(), MODEL,
          TestRecords.version("v3", ModelStatus.CANDIDATE, "v2", "eval passed", now + 2));
      for (String conversation : List.of("c-answer", "c-close")) {
        producer.send(topics.handoffs(), conversation, TestRecords.handoff(conversation, "m-" + conversation,
            List.of(TestRecords.customerTurn("我要退款")), HandoffStatus.OPEN, now));
      }
      for (int i = 0; i < 3; i++) {
        producer.send(topics.customerMessages(), 0, "c-lag",
            TestRecords.message("c-lag", "m-lag-" + i, "hello " + i, Locale.EN, now));
      }
    }
    try (Admin admin = Admin.create(platform.clientProperties())) {
      admin.alterConsumerGroupOffsets(LAGGING_GROUP, Map.of(
          new TopicPartition(platform.topics().customerMessages().name(), 0), new OffsetAndMetadata(1))).all().get();
    }
    dashboard = new DashboardServer(platform.dashboardConfig(Map.of(
        DashboardSettings.ADMIN_TOKEN, ADMIN, DashboardSettings.VIEWER_TOKEN, VIEWER,
        DashboardSettings.ADMIN_NAME, "alice")));
    dashboard.start();
    http = new Http(dashboard.port());
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode handoffs = Http.json(http.get("/api/handoffs", ADMIN));
      JsonNode models = Http.json(http.get("/api/models", ADMIN));
      return handoffs.path("open").asInt() == 2 && models.path("models").size() == 3;
    });
  }

  @AfterAll
  static void stop() {
    if (dashboard != null) {
      dashboard.stop();
    }
    if (platform != null) {
      platform.close();
    }
  }

  private static HttpResponse<String> call(Route route, String token) {
    return route.method().equals("GET") ? http.get(route.path(), token) : http.post(route.path(), token, route.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = Http.json(response);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(body.size()).as("an error body holds status, error and message only").isEqualTo(3);
  }

  @Test
  void shouldRefuseEveryApiRouteWithoutATokenWith401AndNoData() {
    for (Route route : ROUTES) {
      // When the route is called without a token
      HttpResponse<String> response = call(route, null);

      // Then it is refused with a typed 401 that says nothing about models or conversations
      assertError(response, 401, "UNAUTHORIZED");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"kefu-dashboard\"");
      assertThat(response.body()).doesNotContain(MODEL, "c-answer", "退款");
    }
  }

  @Test
  void shouldRefuseEveryApiRouteWithAWrongTokenOrAQueryTokenWith401() {
    for (Route route : ROUTES) {
      // When the route is called with a token the dashboard does not know
      HttpResponse<String> wrong = call(route, "not-a-token-of-this-dashboard");

      // Then it is refused with 401
      assertError(wrong, 401, "UNAUTHORIZED");
    }
    // And a valid token in the query string is only taken by the live stream and the page, not by the API
    assertError(http.get("/api/models?token=" + ADMIN, null), 401, "UNAUTHORIZED");
  }

  @Test
  void shouldLetAViewerReadEveryViewAndRefuseEveryActionWith403() {
    for (Route route : ROUTES) {
      // When a viewer calls the route
      HttpResponse<String> response = call(route, VIEWER);

      // Then views answer 200 and actions 403
      if (route.adminOnly()) {
        assertError(response, 403, "FORBIDDEN");
      } else {
        assertThat(response.statusCode()).as(route.path() + ": " + response.body()).isEqualTo(200);
      }
    }
    // And nothing the viewer tried reached Kafka
    try (TopicReader<OperatorCommand> commands = new TopicReader<>(platform.clientProperties(),
        platform.topics().operatorCommands())) {
      assertThat(commands.poll()).noneMatch(c -> c.getOperatorId().equals("viewer"));
    }
    assertThat(Http.json(http.get("/api/session", VIEWER)).path("role").asText()).isEqualTo("VIEWER");
  }

  @Test
  void shouldLetAnAdminReadEveryViewAndCarryOutEveryActionAsRecordsInKafka() {
    List<String> receipts = new ArrayList<>();
    for (Route route : ROUTES) {
      // When the admin calls the route
      HttpResponse<String> response = call(route, ADMIN);

      // Then views answer 200 and actions 202 with the receipt of the record they wrote
      if (route.adminOnly()) {
        assertThat(response.statusCode()).as(route.path() + ": " + response.body()).isEqualTo(202);
        receipts.add(Http.json(response).path("kind").asText());
      } else {
        assertThat(response.statusCode()).as(route.path() + ": " + response.body()).isEqualTo(200);
      }
    }
    assertThat(receipts).containsExactly("PROMOTE", "ROLL_BACK", "TRAIN_NOW", "PAUSE_TRAINING", "RESUME_TRAINING",
        "ANSWER", "CLOSE_HANDOFF");

    // And the commands are on operator-commands, issued by the admin's operator id
    try (TopicReader<OperatorCommand> commands = new TopicReader<>(platform.clientProperties(),
        platform.topics().operatorCommands())) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(commands.poll())
          .extracting(OperatorCommand::getKind, OperatorCommand::getModelVersion, OperatorCommand::getConversationId,
              OperatorCommand::getOperatorId)
          .contains(
              org.assertj.core.groups.Tuple.tuple(CommandKind.PROMOTE, "v2", null, "alice"),
              org.assertj.core.groups.Tuple.tuple(CommandKind.ROLL_BACK, "v1", null, "alice"),
              org.assertj.core.groups.Tuple.tuple(CommandKind.TRAIN_NOW, null, null, "alice"),
              org.assertj.core.groups.Tuple.tuple(CommandKind.PAUSE_TRAINING, null, null, "alice"),
              org.assertj.core.groups.Tuple.tuple(CommandKind.RESUME_TRAINING, null, null, "alice"),
              org.assertj.core.groups.Tuple.tuple(CommandKind.CLOSE_HANDOFF, null, "c-close", "alice")));
    }
    // And the answer is a HUMAN reply on agent-replies, replying to the message that was handed off
    try (TopicReader<AgentReply> replies = new TopicReader<>(platform.clientProperties(),
        platform.topics().agentReplies())) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(replies.poll())
          .filteredOn(r -> r.getAuthor() == AuthorKind.HUMAN)
          .singleElement()
          .satisfies(r -> {
            assertThat(r.getConversationId()).isEqualTo("c-answer");
            assertThat(r.getInReplyTo()).isEqualTo("m-c-answer");
            assertThat(r.getText()).isEqualTo("您好, your refund is on its way");
            assertThat(r.getOperatorId()).isEqualTo("alice");
            assertThat(r.getLocale()).isEqualTo(Locale.ZH);
            assertThat(r.getModelVersion()).isNull();
          }));
    }
    // And both handoffs leave the queue once the dashboard reads the answer and the close back
    await().atMost(Duration.ofSeconds(20)).until(() -> Http.json(http.get("/api/handoffs", ADMIN)).path("open").asInt() == 0);
  }

  @Test
  void shouldRefuseActionsOnUnknownOrUnsuitableTargetsWithTypedErrors() {
    assertError(http.post("/api/models/" + MODEL + "/v9/promote", ADMIN, null), 404, "NOT_FOUND");
    assertError(http.post("/api/models/" + MODEL + "/v1/promote", ADMIN, null), 409, "CONFLICT");
    assertError(http.post("/api/models/" + MODEL + "/v3/promote", ADMIN, null), 409, "CONFLICT");
    assertError(http.post("/api/handoffs/c-answer/answer", ADMIN, "{\"text\":\"   \"}"), 400, "INVALID");
    assertError(http.post("/api/handoffs/c-answer/answer", ADMIN, "{\"txt\":\"typo\"}"), 400, "INVALID");
    assertError(http.post("/api/handoffs/c-answer/answer", ADMIN, "not json"), 400, "INVALID");
    assertError(http.post("/api/handoffs/never-handed-off/answer", ADMIN, "{\"text\":\"hi\"}"), 409, "CONFLICT");
    assertError(http.get("/api/no-such-view", ADMIN), 404, "NOT_FOUND");
  }

  @Test
  void shouldServeTheDashboardPageOnlyWithATokenAndASignInFormWith401Otherwise() {
    // When the page is opened without a token, or with a wrong one
    for (String path : List.of("/", "/?token=wrong-token-0123456789")) {
      HttpResponse<String> page = http.get(path, null);

      // Then it is a 401 sign-in form, without the dashboard's markup
      assertThat(page.statusCode()).isEqualTo(401);
      assertThat(page.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
          .isEqualToIgnoringCase("text/html;charset=utf-8");
      assertThat(page.body()).contains("id=\"login-form\"", "<meta charset=\"utf-8\">").doesNotContain("models-table");
    }
    // When it is opened with the viewer token
    HttpResponse<String> page = http.get("/?token=" + VIEWER, null);

    // Then it is the dashboard, behind a strict content security policy
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"models-table\"", "客");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void shouldStreamSnapshotsOnlyToATokenHolder() throws Exception {
    assertError(http.get("/api/stream", null), 401, "UNAUTHORIZED");

    // When a viewer opens the live stream with the token in the query (as an EventSource must)
    HttpResponse<InputStream> stream = http.stream("/api/stream?token=" + VIEWER);

    // Then it is an event stream whose first event is a snapshot of the registry
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String event = lines.readLine();
      String data = lines.readLine();
      assertThat(event).isEqualTo("event: snapshot");
      assertThat(data).startsWith("data: {\"generatedAt\":").contains("\"version\":\"v2\"");
    }
  }

  @Test
  void shouldServeHealthMetricsAndStaticFilesWithoutAToken() {
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/health/ready", null).statusCode() == 200);
    JsonNode health = Http.json(http.get("/health", null));
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("ready").asBoolean()).isTrue();
    assertThat(health.path("missingTopics")).isEmpty();
    assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);

    String metrics = http.get("/metrics", null).body();
    assertThat(metrics).contains("kefu_dashboard_records_read_total{topic=\"model-versions\"}",
        "jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_consumed_total");

    HttpResponse<String> script = http.get("/assets/dashboard.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    HttpResponse<String> chartLibrary = http.get("/webjars/uplot/" + BuildInfo.uplotVersion() + "/dist/uPlot.iife.min.js", null);
    assertThat(chartLibrary.statusCode()).isEqualTo(200);
    assertThat(chartLibrary.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(http.get("/assets/i18n.js", null).body()).contains("运营控制台");
  }

  @Test
  void shouldShowConsumerLagPerGroupAndPartition() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode rows = Http.json(http.get("/api/lag", VIEWER)).path("rows");
      assertThat(rows).anySatisfy(row -> {
        assertThat(row.path("group").asText()).isEqualTo(LAGGING_GROUP);
        assertThat(row.path("topic").asText()).isEqualTo("customer-messages");
        assertThat(row.path("partition").asInt()).isZero();
        assertThat(row.path("committed").asLong()).isEqualTo(1);
        assertThat(row.path("end").asLong()).isEqualTo(3);
        assertThat(row.path("lag").asLong()).isEqualTo(2);
      });
    });
  }
}
