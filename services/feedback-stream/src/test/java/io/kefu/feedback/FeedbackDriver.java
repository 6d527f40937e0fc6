package io.kefu.feedback;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.OpsMetrics;
import io.kefu.contract.TrainingExample;
import io.kefu.feedback.aggregate.OpsAggregate;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.redaction.PiiRedactor;
import io.kefu.serde.InMemorySchemaRegistryClient;
import io.kefu.serde.KefuAvroSerde;
import io.kefu.serde.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

/** The feedback topology on a {@link TopologyTestDriver} with an in-memory registry, and its topics and stores. */
final class FeedbackDriver implements AutoCloseable {
  static final Instant WALL_CLOCK = Instant.parse("2030-01-01T00:00:00Z");

  final FeedbackTopics topics = FeedbackTopics.from(TopicCatalogue.load(""));
  final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  final FeedbackCounters counters = new FeedbackCounters(new SimpleMeterRegistry());
  final FeedbackSerdes serdes;
  final TopologyTestDriver driver;

  private final TestInputTopic<String, AgentReply> replies;
  private final TestInputTopic<byte[], byte[]> feedback;
  private final TestInputTopic<String, CustomerMessage> messages;
  private final TestInputTopic<String, HandoffRequest> handoffs;
  private final TestOutputTopic<String, TrainingExample> examples;
  private final TestOutputTopic<byte[], byte[]> feedbackDlq;
  private final TestOutputTopic<String, OpsMetrics> opsMetrics;

  FeedbackDriver(Path stateDir) {
    this(stateDir, FeedbackTopologySettings.defaults());
  }

  FeedbackDriver(Path stateDir, FeedbackTopologySettings settings) {
    this(stateDir, settings, null);
  }

  /** A driver whose topology reads schemas from {@code topologyRegistry} (null: the same in-memory registry). */
  FeedbackDriver(Path stateDir, FeedbackTopologySettings settings, SchemaRegistryClient topologyRegistry) {
    serdes = FeedbackSerdes.create(topologyRegistry == null ? registry : topologyRegistry, true);
    StreamsBuilder builder = new StreamsBuilder();
    FeedbackTopology.build(builder, settings, topics, serdes, new PiiRedactor(), counters);
    Properties props = FeedbackStreamsConfig.properties("feedback-topology-test", Map.of("bootstrap.servers",
        "unused:9092"), Duration.ofMillis(100), 1, stateDir, null, counters);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver = new TopologyTestDriver(builder.build(), props, WALL_CLOCK);
    StringSerializer strings = new StringSerializer();
    replies = driver.createInputTopic(topics.agentReplies(), strings, avro(AgentReply.class));
    feedback = driver.createInputTopic(topics.feedback(), new ByteArraySerializer(), new ByteArraySerializer());
    messages = driver.createInputTopic(topics.customerMessages(), strings, avro(CustomerMessage.class));
    handoffs = driver.createInputTopic(topics.handoffs(), strings, avro(HandoffRequest.class));
    FeedbackSerdes readers = FeedbackSerdes.create(registry, true);
    examples = driver.createOutputTopic(topics.trainingExamples(), new StringDeserializer(),
        readers.trainingExample().deserializer());
    feedbackDlq = driver.createOutputTopic(topics.feedbackDlq(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    opsMetrics = driver.createOutputTopic(topics.opsMetrics(), new StringDeserializer(),
        readers.opsMetrics().deserializer());
  }

  /** Serializes {@code record} as a producer would, in the Confluent wire format. */
  <T extends SpecificRecord> byte[] bytes(String topic, T record) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    return avro(type).serialize(topic, record);
  }

  /** Moves the driver's wall clock on, running wall-clock punctuators. */
  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  void reply(AgentReply reply, Instant at) {
    replies.pipeInput(reply.getConversationId(), reply, at);
  }

  /** Produces {@code rating} keyed by its replyId; returns the value bytes produced. */
  byte[] rate(Feedback rating, Instant at) {
    byte[] value = bytes(topics.feedback(), rating);
    rawFeedback(rating.getReplyId().getBytes(java.nio.charset.StandardCharsets.UTF_8), value, at);
    return value;
  }

  void rawFeedback(byte[] key, byte[] value, Instant at) {
    feedback.pipeInput(new TestRecord<>(key, value, at));
  }

  void message(CustomerMessage message, Instant at) {
    messages.pipeInput(message.getConversationId(), message, at);
  }

  void handoff(HandoffRequest handoff, Instant at) {
    handoffs.pipeInput(handoff.getConversationId(), handoff, at);
  }

  List<TestRecord<String, TrainingExample>> examples() {
    return examples.readRecordsToList();
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    return feedbackDlq.readRecordsToList();
  }

  List<TestRecord<String, OpsMetrics>> opsMetrics() {
    return opsMetrics.readRecordsToList();
  }

  /** The windowed aggregate of {@code version} for the window starting at {@code windowStart}, or null. */
  OpsAggregate window(String version, Instant windowStart) {
    WindowStore<String, ValueAndTimestamp<OpsAggregate>> store =
        driver.getTimestampedWindowStore(FeedbackTopology.WINDOWS_STORE);
    ValueAndTimestamp<OpsAggregate> found = store.fetch(version, windowStart.toEpochMilli());
    return found == null ? null : found.value();
  }

  /** The running totals of {@code version}, or null. */
  OpsAggregate total(String version) {
    KeyValueStore<String, ValueAndTimestamp<OpsAggregate>> store =
        driver.getTimestampedKeyValueStore(FeedbackTopology.TOTALS_STORE);
    ValueAndTimestamp<OpsAggregate> found = store.get(version);
    return found == null ? null : found.value();
  }

  private <T extends SpecificRecord> Serializer<T> avro(Class<T> type) {
    return KefuAvroSerde.of(type, registry, false).serializer();
  }

  @Override
  public void close() {
    driver.close();
  }
}
