package io.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.djl.Device;
import io.kefu.cli.platform.EmbeddedPlatform;
import io.kefu.contract.AgentReply;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.dashboard.DashboardServer;
import io.kefu.feedback.FeedbackStreamService;
import io.kefu.finetune.FineTunerService;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.lifecycle.canary.CanaryControllerService;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.train.ModelTrainer;
import io.kefu.model.train.ReplyExample;
import io.kefu.model.train.TrainingOptions;
import io.kefu.reply.ReplyService;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code curl /metrics} on every Kefu service under traffic (issue 6): an embedded platform, the reply service on a
 * real tiny model, the feedback stream and the dashboard; customer messages, ratings and one bad record on each
 * input go through, then each service's Prometheus scrape must show the named metrics with non-zero values.
 */
class ServiceMetricsIntegrationTest {
  private static final int MESSAGES = 6;
  private static final String MODEL_VERSION = "metrics-tiny-v1";
  private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path dataDir;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EmbeddedPlatform platform;
  private static LanguageModel model;
  private static GenerationEngine engine;
  private static ReplyService replies;
  private static FeedbackStreamService feedback;
  private static DashboardServer dashboard;
  private static FineTunerService fineTuner;
  private static CanaryControllerService canary;
  private static TopicCatalogue topics;

  @BeforeAll
  static void startKefuAndPushTraffic() throws Exception {
    KefuConfig base = KefuConfig.load(null, Map.ofEntries(Map.entry("data.dir", dataDir.toString()),
        Map.entry("platform.kafka.port", "0"), Map.entry("registry.port", "0"), Map.entry("reply.http.port", "0"),
        Map.entry("feedback.http.port", "0"), Map.entry("dashboard.port", "0"),
        Map.entry("finetune.http.port", "0"), Map.entry("canary.http.port", "0"),
        Map.entry("dashboard.lag.interval", "500ms"), Map.entry("reply.generation.max.tokens", "40")));
    platform = EmbeddedPlatform.start(base, line -> {});
    KefuConfig config = platform.config();
    topics = TopicCatalogue.load("");
    model = trainTinyModel();
    engine = new GenerationEngine(model, new EngineOptions(16, 2048, 0, 32));
    replies = ReplyService.forEngine(config, engine);
    replies.start();
    feedback = new FeedbackStreamService(config);
    feedback.start();
    dashboard = new DashboardServer(config);
    dashboard.start();
    fineTuner = FineTunerService.fromConfig(config, null);
    fineTuner.start();
    canary = new CanaryControllerService(config, Clock.systemUTC());
    canary.start();
    await().atMost(Duration.ofSeconds(60)).until(replies::isReady);

    // Traffic: messages of three conversations, one record that is not Avro on customer-messages ...
    List<CustomerMessage> messages = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      messages.add(message("conversation-" + (i % 3), "message-" + i, question(3 + 100 * (i % 2))));
    }
    try (KafkaProducer<String, SpecificRecord> producer = avroProducer();
        KafkaProducer<byte[], byte[]> raw = rawProducer()) {
      for (CustomerMessage m : messages) {
        send(producer, new ProducerRecord<>(topics.name(TopicNames.CUSTOMER_MESSAGES), m.getConversationId(), m));
      }
      send(raw, new ProducerRecord<>(topics.name(TopicNames.CUSTOMER_MESSAGES),
          "conversation-bad".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8)));

      // ... a rating of every reply, and one record that is not Avro on feedback
      for (AgentReply reply : readReplies(MESSAGES)) {
        Feedback rating = Feedback.newBuilder().setFeedbackId("rating-" + reply.getReplyId())
            .setReplyId(reply.getReplyId()).setConversationId(reply.getConversationId()).setRating(5)
            .setRatedAt(Instant.now()).build();
        send(producer, new ProducerRecord<>(topics.name(TopicNames.FEEDBACK), reply.getReplyId(), rating));
      }
      send(raw, new ProducerRecord<>(topics.name(TopicNames.FEEDBACK),
          "reply-bad".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @AfterAll
  static void stopKefu() {
    if (canary != null) {
      canary.stop();
    }
    if (fineTuner != null) {
      fineTuner.stop();
    }
    if (dashboard != null) {
      dashboard.stop();
    }
    if (feedback != null) {
      feedback.stop();
    }
    if (replies != null) {
      replies.stop();
    }
    if (engine != null) {
      engine.close();
    }
    if (model != null) {
      model.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void shouldExposeReplyLatencyRepliesTokensBatchesModelVersionDlqAndKafkaClientMetricsOnTheReplyService() {
    // Given the traffic of the setup: six messages answered, one record that is not Avro
    // When Prometheus scrapes the reply service
    // Then every reply is in the latency histogram and the replies counter (model replies and handoff holding
    // replies together), tokens and batches are counted, the serving version is 1 and the bad record is dead-lettered
    await().atMost(SCRAPE_TIMEOUT).untilAsserted(() -> {
      Scrape scrape = scrape(replies.httpPort());
      assertThat(scrape.sum("kefu_reply_latency_seconds_count")).isEqualTo(MESSAGES);
      assertThat(scrape.sum("kefu_reply_latency_seconds_bucket", "le", "+Inf")).isEqualTo(MESSAGES);
      assertThat(scrape.sum("kefu_reply_latency_seconds_sum")).isPositive();
      assertThat(scrape.sum("kefu_reply_replies_total")).isEqualTo(MESSAGES);
      assertThat(scrape.sum("kefu_reply_tokens_total")).isPositive();
      assertThat(scrape.sum("kefu_reply_tokens_per_second")).isPositive();
      assertThat(scrape.sum("kefu_reply_batch_messages_sum")).isEqualTo(MESSAGES);
      assertThat(scrape.sum("kefu_reply_batch_messages_count")).isPositive();
      assertThat(scrape.sum("kefu_reply_batch_conversations_count")).isPositive();
      assertThat(scrape.sum("kefu_reply_model_version", "version", MODEL_VERSION)).isEqualTo(1);
      assertThat(scrape.sum("kefu_reply_dlq_total", "reason", "WRONG_MAGIC_BYTE")).isEqualTo(1);
      assertThat(scrape.sum("kefu_reply_transactions_total", "result", "committed")).isPositive();
      assertThat(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total")).isGreaterThanOrEqualTo(
          MESSAGES + 1);
      assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
      assertThat(scrape.sum("kafka_producer_record_send_total")).isPositive();
      assertThat(scrape.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
      assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();
    });
  }

  @Test
  void shouldExposeDeadLettersTrainingExamplesAndKafkaStreamsMetricsOnTheFeedbackStream() {
    // Given the ratings of every reply and one record that is not Avro on feedback
    // When Prometheus scrapes the feedback stream
    // Then the bad record is counted as a dead letter, rated model replies became training examples, and the
    // Kafka Streams thread and its clients report their work
    await().atMost(SCRAPE_TIMEOUT).untilAsserted(() -> {
      Scrape scrape = scrape(feedback.httpPort());
      assertThat(scrape.sum("kefu_feedback_dead_letters_total", "source", TopicNames.FEEDBACK, "reason",
          "WRONG_MAGIC_BYTE")).isEqualTo(1);
      assertThat(scrape.sum("kefu_feedback_training_examples_total")).isPositive();
      assertThat(scrape.sum("kafka_stream_alive_stream_threads")).isEqualTo(1);
      assertThat(scrape.sum("kafka_stream_thread_process_total")).isPositive();
      assertThat(scrape.sum("kafka_stream_thread_commit_total")).isPositive();
      assertThat(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total")).isPositive();
      assertThat(scrape.sum("kafka_producer_record_send_total")).isPositive();
      assertThat(scrape.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
      assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();
    });
  }

  @Test
  void shouldExposeRecordsReadRefusedRecordsKafkaClientAndJvmMetricsOnTheDashboard() {
    // Given the setup's traffic on every topic the dashboard follows
    // When Prometheus scrapes the dashboard
    // Then it counts what it read per topic, refuses exactly the two records that are not Avro, and reports its
    // consumer and the JVM
    await().atMost(SCRAPE_TIMEOUT).untilAsserted(() -> {
      Scrape scrape = scrape(dashboard.port());
      assertThat(scrape.sum("kefu_dashboard_records_read_total", "topic", TopicNames.AGENT_REPLIES))
          .isEqualTo(MESSAGES);
      assertThat(scrape.sum("kefu_dashboard_records_read_total", "topic", TopicNames.CUSTOMER_MESSAGES))
          .isEqualTo(MESSAGES + 1);
      assertThat(scrape.sum("kefu_dashboard_records_read_total", "topic", TopicNames.FEEDBACK))
          .isEqualTo(MESSAGES + 1);
      assertThat(scrape.sum("kefu_dashboard_records_refused_total", "reason", "WRONG_MAGIC_BYTE")).isEqualTo(2);
      assertThat(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total")).isPositive();
      assertThat(scrape.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
      assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();
      assertThat(scrape.sum("process_uptime_seconds")).isPositive();
    });
  }

  @Test
  void shouldExposeBufferedExamplesRunsStateAndJvmMetricsOnTheFineTunerAndCanaryController() {
    // Given the training examples the feedback stream wrote from the ratings
    // When Prometheus scrapes the fine-tuner and the canary controller
    // Then the fine-tuner counts the examples waiting for its next run and no run yet, in state WAITING, and both
    // report the JVM; the canary controller runs no canary
    await().atMost(SCRAPE_TIMEOUT).untilAsserted(() -> {
      Scrape tuner = scrape(fineTuner.httpPort());
      assertThat(tuner.sum("kefu_finetune_buffered_examples")).isPositive();
      assertThat(tuner.sum("kefu_finetune_runs_total")).isZero();
      assertThat(tuner.sum("kefu_finetune_state", "state", "WAITING")).isEqualTo(1);
      assertThat(tuner.sum("kefu_finetune_paused")).isZero();
      assertThat(tuner.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
      Scrape controller = scrape(canary.httpPort());
      assertThat(controller.sum("kefu_canary_running")).isZero();
      assertThat(controller.sum("jvm_threads_live_threads")).isPositive();
      assertThat(controller.sum("process_uptime_seconds")).isPositive();
    });
  }

  @Test
  void shouldAnswerLiveAndReadyWith200OnEveryService() {
    // Given every service started and the traffic processed
    // When the health endpoints are asked
    // Then each answers 200
    await().atMost(SCRAPE_TIMEOUT).untilAsserted(() -> {
      assertThat(get(replies.httpPort(), "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(replies.httpPort(), "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(feedback.httpPort(), "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(feedback.httpPort(), "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(feedback.httpPort(), "/health").statusCode()).isEqualTo(200);
      assertThat(get(dashboard.port(), "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(dashboard.port(), "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(dashboard.port(), "/health").statusCode()).isEqualTo(200);
      for (int port : new int[] {fineTuner.httpPort(), canary.httpPort()}) {
        assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);
      }
    });
  }

  @Test
  void shouldServeMetricsInThePrometheusTextFormatWithoutAToken() throws Exception {
    // When each service's /metrics is fetched without credentials
    for (int port : new int[] {replies.httpPort(), feedback.httpPort(), dashboard.port(), fineTuner.httpPort(),
        canary.httpPort()}) {
      HttpResponse<String> response = get(port, "/metrics");

      // Then it is Prometheus text format 0.0.4 with typed samples
      assertThat(response.statusCode()).as("status of :%d/metrics", port).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(response.body()).contains("# TYPE ");
    }
  }

  /** The samples of one Prometheus text-format scrape. */
  private record Scrape(List<Sample> samples) {
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape parse(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
          throw new AssertionError("not a Prometheus sample line: " + line);
        }
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null) {
          Matcher label = LABEL.matcher(m.group(2));
          while (label.find()) {
            labels.put(label.group(1), label.group(2));
          }
        }
        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
      }
      return new Scrape(samples);
    }

    /** The samples named {@code name} whose labels include every {@code label, value} pair given. */
    List<Sample> samples(String name, String... labelPairs) {
      return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
        for (int i = 0; i < labelPairs.length; i += 2) {
          if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) {
            return false;
          }
        }
        return true;
      }).toList();
    }

    /** The sum of those samples (NaN ones ignored); 0 when there are none. */
    double sum(String name, String... labelPairs) {
      return samples(name, labelPairs).stream().mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }
  }

  private static Scrape scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = get(port, "/metrics");
    assertThat(response.statusCode()).as("status of :%d/metrics", port).isEqualTo(200);
    return Scrape.parse(response.body());
  }

  private static CustomerMessage message(String conversationId, String messageId, String text) {
    return CustomerMessage.newBuilder().setMessageId(messageId).setConversationId(conversationId)
        .setCustomerId(null).setText(text).setLocale(Locale.EN).setChannel(Channel.WEB).setSentAt(Instant.now())
        .setAttributes(Map.of()).build();
  }

  private static String question(int n) {
    return "where is my order " + n + "?";
  }

  /** A real, tiny Kefu model (byte tokenizer, 2 layers, width 64) trained for seconds on a few order questions. */
  private static LanguageModel trainTinyModel() {
    GptConfig config = new GptConfig(BpeTokenizer.bytesOnly().vocabSize(), 128, 2, 2, 64, 0f);
    LanguageModel tiny = LanguageModel.initialize("tiny", MODEL_VERSION, config, BpeTokenizer.bytesOnly(),
        Device.cpu(), 7);
    TrainingOptions options = TrainingOptions.defaults(150).withBatchSize(8).withLearningRate(1e-2f, 1e-3f)
        .withTimeBudget(Duration.ofSeconds(40));
    List<ReplyExample> examples = List.of(3, 103).stream()
        .map(n -> ReplyExample.positive(List.of(), question(n), "Let me check that for you."))
        .toList();
    new ModelTrainer(options, null).train(tiny, examples, List.of());
    return tiny;
  }

  private static KafkaProducer<String, SpecificRecord> avroProducer() {
    Map<String, Object> props = new HashMap<>(platform.config().kafkaClientProperties());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KefuAvroSerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put("schema.registry.url", platform.registryUrl());
    return new KafkaProducer<>(props);
  }

  private static KafkaProducer<byte[], byte[]> rawProducer() {
    Map<String, Object> props = new HashMap<>(platform.config().kafkaClientProperties());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props);
  }

  private static <K, V> void send(KafkaProducer<K, V> producer, ProducerRecord<K, V> record)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  /** Reads agent-replies from the beginning, read_committed, until {@code count} replies arrived. */
  private static List<AgentReply> readReplies(int count) {
    Map<String, Object> props = new HashMap<>(platform.config().kafkaClientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KefuAvroDeserializer.class);
    props.put("schema.registry.url", platform.registryUrl());
    props.put("specific.avro.reader", true);
    String topic = topics.name(TopicNames.AGENT_REPLIES);
    try (KafkaConsumer<String, AgentReply> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<AgentReply> received = new ArrayList<>();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
        for (ConsumerRecord<String, AgentReply> r : consumer.poll(Duration.ofMillis(200))) {
          received.add(r.value());
        }
        return received.size() >= count;
      });
      return received;
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
