package io.kefu.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.Feedback;
import io.kefu.contract.Role;
import io.kefu.contract.TrainingExample;
import io.kefu.contract.Turn;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.DlqHeaders;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.redaction.PiiDetector;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerde;
import io.kefu.serde.RestSchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real feedback stream (exactly_once_v2) on an embedded broker and registry: 5,000 ratings, 10% of them
 * duplicates (redeliveries and re-ratings) and 2% bad, become exactly one PII-free example per rated reply, with the
 * latest rating, and exactly the bad ones land in feedback.dlq.
 */
class FeedbackStreamIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static final int MODEL_REPLIES = 4_400;
  private static final int HUMAN_REPLIES = 50;
  private static final int REDELIVERIES = 250;
  private static final int RE_RATINGS = 250;
  private static final int BAD = 100;
  private static final int PARTITIONS = 6;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  /** Personal data the customers and the model put into the texts; every kind the redactor knows. */
  private static final List<String> PII = List.of(
      "jane.doe@example.com", "+44 20 7946 0958", "(415) 555-0134", "13812345678", "4111 1111 1111 1111",
      "5500-0000-0000-0004", "DE89 3704 0044 0532 0130 00", "11010519491231002X", "192.168.1.20",
      "221B Baker Street");

  @TempDir
  Path dataDir;

  private final TopicCatalogue catalogue = TopicCatalogue.load("");
  private final FeedbackTopics topics = FeedbackTopics.from(catalogue);
  private final PiiDetector detector = new PiiDetector();
  private EmbeddedSchemaRegistry registry;
  private RestSchemaRegistryClient registryClient;
  private FeedbackStreamService service;
  private KafkaProducer<byte[], byte[]> producer;

  @BeforeEach
  void startPlatformAndService() {
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(kafka.broker().clientProperties())
        .optTopicReplication((short) 1)
        .optPort(0)
        .build());
    registry.start();
    registryClient = new RestSchemaRegistryClient(registry.url());
    Map<String, String> overrides = new HashMap<>();
    overrides.put("bootstrap.servers", kafka.bootstrapServers());
    overrides.put("schema.registry.url", registry.url());
    overrides.put("data.dir", dataDir.toString());
    overrides.put("feedback.http.port", "0");
    overrides.put("feedback.commit.interval", "100ms");
    KefuConfig config = KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), overrides);
    service = new FeedbackStreamService(config);
    service.start();
    Map<String, Object> producerProps = new HashMap<>(kafka.broker().clientProperties());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // One batch in flight per partition: right after topic creation a NOT_LEADER retry with several batches in
    // flight can leave the idempotent producer retrying an out-of-order sequence forever.
    producerProps.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void stopEverything() {
    if (producer != null) {
      producer.close();
    }
    if (service != null) {
      service.stop();
    }
    if (registryClient != null) {
      registryClient.close();
    }
    if (registry != null) {
      registry.stop();
    }
  }

  @Test
  void shouldTurnFiveThousandRatingsIntoExactlyOnePiiFreeExamplePerReplyAndDeadLetterExactlyTheBadOnes()
      throws Exception {
    Instant now = Instant.now();
    Serializer<AgentReply> replies = KefuAvroSerde.of(AgentReply.class, registryClient, false).serializer();
    Serializer<Feedback> ratings = KefuAvroSerde.of(Feedback.class, registryClient, false).serializer();
    Random random = new Random(20300301L);

    // Given personal data of every kind the redactor knows, each found by the detector
    for (String pii : PII) {
      assertThat(detector.detect("contact " + pii + " please")).as(pii).hasSize(1);
    }
    // And 4,400 model replies and 50 human replies, all carrying such data
    List<String> modelIds = new ArrayList<>();
    for (int i = 0; i < MODEL_REPLIES; i++) {
      AgentReply reply = reply("r-" + i, AuthorKind.MODEL, i, now);
      modelIds.add(reply.getReplyId());
      send(topics.agentReplies(), reply.getConversationId(), replies.serialize(topics.agentReplies(), reply));
    }
    for (int i = 0; i < HUMAN_REPLIES; i++) {
      AgentReply reply = reply("h-" + i, AuthorKind.HUMAN, i, now);
      send(topics.agentReplies(), reply.getConversationId(), replies.serialize(topics.agentReplies(), reply));
    }

    // And one model reply per feedback partition whose first rating is kept back to mark the end of the input
    Map<Integer, String> markers = new HashMap<>();
    for (String id : modelIds) {
      markers.putIfAbsent(partitionOf(id), id);
    }
    assertThat(markers).hasSize(PARTITIONS);
    Set<String> markerIds = new HashSet<>(markers.values());

    // When every other reply is rated once (phase 1)
    Map<String, Integer> expectedRating = new HashMap<>();
    Map<String, byte[]> firstRatingBytes = new HashMap<>();
    for (int i = 0; i < MODEL_REPLIES; i++) {
      String id = modelIds.get(i);
      int stars = 1 + random.nextInt(5);
      byte[] value = ratings.serialize(topics.feedback(),
          feedback(id, stars, "Thanks, mail me at " + PII.get(i % PII.size()), now.plusSeconds(1)));
      expectedRating.put(id, stars);
      firstRatingBytes.put(id, value);
      if (!markerIds.contains(id)) {
        send(topics.feedback(), id, value);
      }
    }
    producer.flush();
    try (ExampleReader reader = new ExampleReader()) {
      reader.awaitKeys(MODEL_REPLIES - PARTITIONS + HUMAN_REPLIES);

      // And then 250 ratings are delivered again, 250 replies are re-rated, and 100 bad records arrive, mixed
      List<ProducerRecord<byte[], byte[]>> phase2 = new ArrayList<>();
      List<String> rated = modelIds.stream().filter(id -> !markerIds.contains(id)).toList();
      for (int i = 0; i < REDELIVERIES; i++) {
        String id = rated.get(i);
        phase2.add(record(topics.feedback(), id, firstRatingBytes.get(id)));
      }
      for (int i = REDELIVERIES; i < REDELIVERIES + RE_RATINGS; i++) {
        String id = rated.get(i);
        int stars = expectedRating.get(id) % 5 + 1;
        expectedRating.put(id, stars);
        phase2.add(record(topics.feedback(), id, ratings.serialize(topics.feedback(),
            feedback(id, stars, "Changed my mind, call " + PII.get(i % PII.size()), now.plusSeconds(2)))));
      }
      Map<String, Integer> badReasons = new HashMap<>();
      for (int i = 0; i < BAD; i++) {
        String id = rated.get(1_000 + i);
        byte[] value = switch (i % 4) {
          case 0 -> "{\"rating\": 5}".getBytes(StandardCharsets.UTF_8);
          case 1 -> ratings.serialize(topics.feedback(), feedback(id, List.of(0, 6, -1, 7).get(i / 4 % 4), null, now));
          case 2 -> new byte[] {0, 0, 0};
          default -> ByteBuffer.allocate(9).put((byte) 0).putInt(99_999).putInt(7).array();
        };
        phase2.add(record(topics.feedback(), id, value));
        badReasons.merge(List.of("WRONG_MAGIC_BYTE", "RATING_OUT_OF_RANGE", "TRUNCATED_PAYLOAD",
            "UNKNOWN_SCHEMA_ID").get(i % 4), 1, Integer::sum);
      }
      Collections.shuffle(phase2, random);
      Set<String> badOffsets = new HashSet<>();
      for (ProducerRecord<byte[], byte[]> record : phase2) {
        RecordMetadata sent = producer.send(record).get();
        String id = new String(record.key(), StandardCharsets.UTF_8);
        boolean bad = rated.indexOf(id) >= 1_000 && rated.indexOf(id) < 1_000 + BAD;
        if (bad) {
          badOffsets.add(sent.partition() + "@" + sent.offset());
        }
      }
      // And finally the kept-back ratings, the last record of each partition
      for (String id : markerIds) {
        send(topics.feedback(), id, firstRatingBytes.get(id));
      }
      producer.flush();

      // Then once every marker has come out, the output is complete
      reader.awaitKeys(MODEL_REPLIES + HUMAN_REPLIES);
      reader.readToEnd();
      Map<String, TrainingExample> latest = reader.latest;
      assertThat(latest).hasSize(MODEL_REPLIES + HUMAN_REPLIES);
      // exactly one write per first rating and human reply, plus one update per re-rating; redeliveries wrote nothing
      assertThat(reader.records).isEqualTo(MODEL_REPLIES + HUMAN_REPLIES + RE_RATINGS);
      for (String id : modelIds) {
        assertThat(latest.get(id).getRating()).as(id).isEqualTo(expectedRating.get(id));
      }
      for (int i = 0; i < HUMAN_REPLIES; i++) {
        assertThat(latest.get("h-" + i).getRating()).isNull();
        assertThat(latest.get("h-" + i).getWeight()).isEqualTo(1.5);
      }
      // every text of every example is free of personal data, and every example counted what it replaced
      for (TrainingExample example : latest.values()) {
        Stream.concat(example.getContext().stream().map(Turn::getText), Stream.of(example.getCustomerMessage(),
                example.getReply(), example.getComment() == null ? "" : example.getComment()))
            .forEach(text -> assertThat(detector.detect(text)).as(example.getExampleId() + ": " + text).isEmpty());
        assertThat(example.getRedactions()).as(example.getExampleId()).isGreaterThanOrEqualTo(3);
      }

      // And feedback.dlq holds exactly the bad records, each with its reason
      List<ConsumerRecord<byte[], byte[]>> letters = readAll(topics.feedbackDlq());
      assertThat(letters).hasSize(BAD);
      Set<String> letterOffsets = new HashSet<>();
      Map<String, Integer> letterReasons = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> letter : letters) {
        letterOffsets.add(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_PARTITION) + "@"
            + DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_OFFSET));
        letterReasons.merge(DeadLetter.header(letter.headers(), DlqHeaders.REASON), 1, Integer::sum);
      }
      assertThat(letterOffsets).isEqualTo(badOffsets);
      assertThat(letterReasons).isEqualTo(badReasons);
    }

    // And the aggregates API counts the replies, one rating per rated reply, and the dead letters
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    URI totals = URI.create("http://127.0.0.1:" + service.httpPort() + "/api/aggregates/totals?version=all");
    await().atMost(TIMEOUT).untilAsserted(() -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(totals).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode all = json.readTree(response.body());
      assertThat(all.get("replies").asLong()).isEqualTo(MODEL_REPLIES + HUMAN_REPLIES);
      assertThat(all.get("ratings").asLong()).isEqualTo(MODEL_REPLIES);
      assertThat(all.get("dlqRecords").asLong()).isEqualTo(BAD);
    });
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
  }

  private static AgentReply reply(String id, AuthorKind author, int i, Instant now) {
    String pii = PII.get(i % PII.size());
    String other = PII.get((i + 3) % PII.size());
    List<Turn> context = List.of(
        new Turn(Role.CUSTOMER, "Hi, I am writing about order A-" + (1000 + i) + ", contact " + pii),
        new Turn(Role.AGENT, "Sure, which item of the order?"),
        new Turn(Role.CUSTOMER, "The lamp; reach me at " + other + " please"));
    return TestRecords.reply(id, author, author == AuthorKind.MODEL ? "v" + (1 + i % 3) : null, 50 + i % 900, now,
        context, "I will send the refund of 25.00 for order A-" + (1000 + i) + " and write to " + pii);
  }

  private static Feedback feedback(String id, int stars, String comment, Instant ratedAt) {
    return TestRecords.rating(id, stars, comment, ratedAt);
  }

  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private void send(String topic, String key, byte[] value) {
    producer.send(record(topic, key, value));
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(TIMEOUT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
      return records;
    }
  }

  private Map<String, Object> consumerProps() {
    Map<String, Object> props = new HashMap<>(kafka.broker().clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  /** Reads training-examples with read_committed, keeping the latest example per key and counting records. */
  private final class ExampleReader implements AutoCloseable {
    final Map<String, TrainingExample> latest = new HashMap<>();
    long records;
    private final KafkaConsumer<String, TrainingExample> consumer;
    private final List<TopicPartition> partitions;

    ExampleReader() {
      Deserializer<TrainingExample> values = KefuAvroDeserializer.of(TrainingExample.class, registryClient);
      consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), values);
      partitions = consumer.partitionsFor(topics.trainingExamples()).stream()
          .map(p -> new TopicPartition(topics.trainingExamples(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    void awaitKeys(int keys) {
      await().atMost(TIMEOUT).until(() -> {
        poll();
        return latest.size() >= keys;
      });
      assertThat(latest).hasSize(keys);
    }

    void readToEnd() {
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await().atMost(TIMEOUT).until(() -> {
        poll();
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
    }

    private void poll() {
      for (ConsumerRecord<String, TrainingExample> record : consumer.poll(Duration.ofMillis(200))) {
        assertThat(record.key()).isEqualTo(record.value().getExampleId());
        latest.put(record.key(), record.value());
        records++;
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
