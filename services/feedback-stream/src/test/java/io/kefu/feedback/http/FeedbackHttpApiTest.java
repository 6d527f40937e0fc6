package io.kefu.feedback.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.feedback.FeedbackHealth;
import io.kefu.feedback.FeedbackTopics;
import io.kefu.feedback.FeedbackTopology;
import io.kefu.feedback.FeedbackTopologySettings;
import io.kefu.feedback.FeedbackCounters;
import io.kefu.feedback.FeedbackSerdes;
import io.kefu.feedback.FeedbackStreamsConfig;
import io.kefu.feedback.aggregate.OpsAggregate;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.redaction.PiiRedactor;
import io.kefu.serde.InMemorySchemaRegistryClient;
import io.kefu.serde.KefuAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over the aggregate stores of a topology fed on a TopologyTestDriver. */
class FeedbackHttpApiTest {
  private static final Instant W0 = Instant.parse("2030-03-01T10:00:00Z");

  @TempDir
  Path stateDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicBoolean storesAvailable = new AtomicBoolean(true);
  private final AtomicBoolean up = new AtomicBoolean(true);
  private TopologyTestDriver driver;
  private FeedbackHttpApi api;

  @BeforeEach
  void startApiOverTwoRatedReplies() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    FeedbackTopics topics = FeedbackTopics.from(TopicCatalogue.load(""));
    FeedbackCounters counters = new FeedbackCounters(new SimpleMeterRegistry());
    StreamsBuilder builder = new StreamsBuilder();
    FeedbackTopology.build(builder, FeedbackTopologySettings.defaults(), topics,
        FeedbackSerdes.create(registry, true), new PiiRedactor(), counters);
    driver = new TopologyTestDriver(builder.build(), FeedbackStreamsConfig.properties("http-api-test",
        Map.of("bootstrap.servers", "unused:9092"), Duration.ofMillis(100), 1, stateDir, null, counters));
    TestInputTopic<String, AgentReply> replies = driver.createInputTopic(topics.agentReplies(),
        new StringSerializer(), KefuAvroSerde.of(AgentReply.class, registry, false).serializer());
    TestInputTopic<String, Feedback> ratings = driver.createInputTopic(topics.feedback(), new StringSerializer(),
        KefuAvroSerde.of(Feedback.class, registry, false).serializer());
    // Given two v1 replies of 100 and 300 ms rated 5 and 2 in the window starting at W0
    for (int i = 1; i <= 2; i++) {
      replies.pipeInput("c-" + i, reply("r-" + i, i == 1 ? 100 : 300), W0.plusSeconds(i));
      ratings.pipeInput("r-" + i, Feedback.newBuilder().setFeedbackId("f-" + i).setReplyId("r-" + i)
          .setConversationId("c-" + i).setRating(i == 1 ? 5 : 2).setRatedAt(W0.plusSeconds(10 + i)).build(),
          W0.plusSeconds(10 + i));
    }
    Supplier<ReadOnlyKeyValueStore<String, OpsAggregate>> totals = () -> {
      requireAvailable();
      return driver.getKeyValueStore(FeedbackTopology.TOTALS_STORE);
    };
    Supplier<ReadOnlyWindowStore<String, OpsAggregate>> windows = () -> {
      requireAvailable();
      return driver.getWindowStore(FeedbackTopology.WINDOWS_STORE);
    };
    api = new FeedbackHttpApi(new AggregatesQuery(totals, windows, Duration.ofMinutes(1)),
        () -> new FeedbackHealth(up.get(), up.get() ? "RUNNING" : "ERROR"), () -> "kefu_test_total 1.0\n",
        Clock.fixed(W0.plusSeconds(1800), ZoneOffset.UTC)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    api.stop();
    driver.close();
  }

  private static AgentReply reply(String id, long latencyMs) {
    return AgentReply.newBuilder().setReplyId(id).setConversationId("c-" + id).setInReplyTo("m-" + id)
        .setText("It ships tomorrow.").setLocale(Locale.EN).setAuthor(AuthorKind.MODEL).setModelVersion("v1")
        .setLatencyMs(latencyMs).setContext(List.of(new Turn(Role.CUSTOMER, "When does it ship?")))
        .setCreatedAt(W0).build();
  }

  private void requireAvailable() {
    if (!storesAvailable.get()) {
      throw new InvalidStateStoreException("rebalancing");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldServeTheRunningTotalsOfEveryVersion() throws Exception {
    HttpResponse<String> response = get("/api/aggregates/totals");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body).hasSize(2);
    assertThat(body.get(0).get("modelVersion").asText()).isEqualTo("all");
    JsonNode v1 = body.get(1);
    assertThat(v1.get("modelVersion").asText()).isEqualTo("v1");
    assertThat(v1.get("windowStart").isNull()).isTrue();
    assertThat(v1.get("replies").asLong()).isEqualTo(2);
    assertThat(v1.get("ratings").asLong()).isEqualTo(2);
    assertThat(v1.get("averageRating").asDouble()).isEqualTo(3.5);
    assertThat(v1.get("csat").asDouble()).isEqualTo(0.5);
    assertThat(v1.get("latencyP50Ms").asDouble()).isEqualTo(100.0);
    assertThat(v1.get("latencyP99Ms").asDouble()).isEqualTo(300.0);
  }

  @Test
  void shouldServeOneVersionsTotalsAnd404ForAnUnknownVersion() throws Exception {
    assertThat(json.readTree(get("/api/aggregates/totals?version=v1").body()).get("ratingSum").asLong())
        .isEqualTo(7);
    HttpResponse<String> unknown = get("/api/aggregates/totals?version=v9");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("error").asText())
        .isEqualTo("nothing has been counted for version 'v9'");
  }

  @Test
  void shouldServeTheWindowsOfAVersionInARangeAndTheLastHourByDefault() throws Exception {
    HttpResponse<String> response = get("/api/aggregates/windows?version=v1&from=" + W0.toEpochMilli() + "&to="
        + W0.plusSeconds(3600));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode windows = json.readTree(response.body());
    assertThat(windows).hasSize(1);
    assertThat(windows.get(0).get("windowStart").asLong()).isEqualTo(W0.toEpochMilli());
    assertThat(windows.get(0).get("windowEnd").asLong()).isEqualTo(W0.plusSeconds(60).toEpochMilli());
    assertThat(windows.get(0).get("ratings").asLong()).isEqualTo(2);
    // the clock stands at W0 + 30 min, so the default last hour of "all" covers W0
    JsonNode all = json.readTree(get("/api/aggregates/windows").body());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("modelVersion").asText()).isEqualTo("all");
    assertThat(all.get(0).get("replies").asLong()).isEqualTo(2);
  }

  @Test
  void shouldAnswerABadRangeWith400() throws Exception {
    HttpResponse<String> notATime = get("/api/aggregates/windows?from=yesterday");
    assertThat(notATime.statusCode()).isEqualTo(400);
    assertThat(json.readTree(notATime.body()).get("error").asText())
        .isEqualTo("from must be epoch milliseconds or an ISO-8601 instant, was 'yesterday'");
    HttpResponse<String> backwards = get("/api/aggregates/windows?from=2000&to=1000");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(json.readTree(backwards.body()).get("error").asText())
        .isEqualTo("from (1970-01-01T00:00:02Z) must not be after to (1970-01-01T00:00:01Z)");
  }

  @Test
  void shouldAnswer503WhileTheStoresCannotBeQueried() throws Exception {
    storesAvailable.set(false);
    HttpResponse<String> response = get("/api/aggregates/totals");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json.readTree(response.body()).get("error").asText()).startsWith(
        "store ops-aggregates-totals cannot be queried now (the stream is starting, rebalancing or stopped)");
  }

  @Test
  void shouldReportHealthAndMetrics() throws Exception {
    HttpResponse<String> healthy = get("/health");
    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(json.readTree(healthy.body()).get("status").asText()).isEqualTo("UP");
    up.set(false);
    HttpResponse<String> down = get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json.readTree(down.body()).get("state").asText()).isEqualTo("ERROR");
    assertThat(get("/health/live").statusCode()).isEqualTo(503);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).isEqualTo("kefu_test_total 1.0\n");
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
  }
}
