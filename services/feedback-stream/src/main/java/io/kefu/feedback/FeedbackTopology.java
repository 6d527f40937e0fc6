package io.kefu.feedback;

import io.kefu.feedback.aggregate.MetricEvent;
import io.kefu.feedback.aggregate.OpsAggregate;
import io.kefu.feedback.aggregate.VersionKeys;
import io.kefu.feedback.decode.DecodingProcessor;
import io.kefu.feedback.decode.FeedbackValidation;
import io.kefu.feedback.decode.HandoffCounting;
import io.kefu.feedback.decode.ReplyKeying;
import io.kefu.feedback.join.ExampleBuilder;
import io.kefu.feedback.join.FeedbackJoinProcessor;
import io.kefu.feedback.join.HeldRating;
import io.kefu.feedback.join.StoredReply;
import io.kefu.feedback.route.DeadLetterValueSerde;
import io.kefu.feedback.route.Routed;
import io.kefu.feedback.serde.JsonSerde;
import io.kefu.redaction.PiiRedactor;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The feedback stream's wiring: decode the sources, join ratings with replies into redacted training examples,
 * dead-letter what cannot be used, and aggregate operator figures per version, per window and in total.
 *
 * <p>Sub-topologies: (1) replies, decoded and re-keyed by replyId through {@value #REPLIES_BY_ID}; (2) ratings,
 * decoded, validated and re-keyed by replyId through {@value #RATINGS_BY_ID}, so the join never depends on how a
 * producer partitioned the feedback topic; (3) the join of both; (4) customer messages, dead letters and handoffs,
 * counted; (5) the aggregates, fed by (3) and (4) through two repartition topics keyed by version.
 */
public final class FeedbackTopology {
  /** Windowed aggregates: {@code WindowStore<String version, OpsAggregate>}, queryable. */
  public static final String WINDOWS_STORE = "ops-aggregates-windows";
  /** Running totals: {@code KeyValueStore<String version, OpsAggregate>}, queryable. */
  public static final String TOTALS_STORE = "ops-aggregates-totals";
  static final String REPLIES_BY_ID = "replies-by-reply-id";
  static final String RATINGS_BY_ID = "ratings-by-reply-id";
  static final String JOIN_METRICS = "join-metrics-by-version";
  static final String COUNTED_METRICS = "counted-metrics-by-version";

  private static final Serde<MetricEvent> METRIC_SERDE = new JsonSerde<>(MetricEvent.class);
  private static final Serde<OpsAggregate> AGGREGATE_SERDE = new JsonSerde<>(OpsAggregate.class);

  private FeedbackTopology() {}

  /** Adds the whole feedback stream to {@code builder}. */
  public static void build(StreamsBuilder builder, FeedbackTopologySettings settings, FeedbackTopics topics,
      FeedbackSerdes serdes, PiiRedactor redactor, FeedbackCounters counters) {
    KStream<String, Routed> repliesById = repliesByReplyId(builder, settings, topics, serdes, counters);
    KStream<String, Routed> ratingsById = ratingsByReplyId(builder, settings, topics, serdes, counters);
    KStream<String, MetricEvent> joinMetrics = joinRatingsWithReplies(builder, repliesById, ratingsById, settings,
        topics, serdes, redactor, counters);
    KStream<String, MetricEvent> countedMetrics = countedEvents(builder, settings, topics, serdes, counters);
    aggregate(byVersion(joinMetrics, JOIN_METRICS, settings), byVersion(countedMetrics, COUNTED_METRICS, settings),
        settings, topics, serdes);
  }

  private static KStream<String, Routed> repliesByReplyId(StreamsBuilder builder, FeedbackTopologySettings settings,
      FeedbackTopics topics, FeedbackSerdes serdes, FeedbackCounters counters) {
    KStream<String, Routed> decoded = builder.stream(topics.agentReplies(), raw("agent-replies-source"))
        .process(() -> new DecodingProcessor<>(serdes.agentReply(), topics.agentRepliesDlq(), settings.serviceName(),
            new ReplyKeying(), counters), Named.as("decode-agent-replies"));
    sendDeadLetters(only(decoded, Routed.DeadLetterRecord.class, "agent-replies-refused"), "agent-replies");
    return only(decoded, Routed.ReplyBytes.class, "agent-replies-keyed")
        .mapValues(routed -> ((Routed.ReplyBytes) routed).value(), Named.as("agent-replies-bytes"))
        .repartition(Repartitioned.<String, byte[]>as(REPLIES_BY_ID)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray())
            .withNumberOfPartitions(settings.internalPartitions()))
        .mapValues(bytes -> (Routed) new Routed.ReplyBytes(bytes), Named.as("replies-by-reply-id-routed"));
  }

  private static KStream<String, Routed> ratingsByReplyId(StreamsBuilder builder, FeedbackTopologySettings settings,
      FeedbackTopics topics, FeedbackSerdes serdes, FeedbackCounters counters) {
    KStream<String, Routed> decoded = builder.stream(topics.feedback(), raw("feedback-source"))
        .process(() -> new DecodingProcessor<>(serdes.feedback(), Optional.of(topics.feedbackDlq()),
            settings.serviceName(), new FeedbackValidation(), counters), Named.as("decode-feedback"));
    sendDeadLetters(only(decoded, Routed.DeadLetterRecord.class, "feedback-refused"), "feedback");
    return only(decoded, Routed.RatingReceived.class, "valid-ratings")
        .mapValues(routed -> ((Routed.RatingReceived) routed).rating(), Named.as("valid-rating-values"))
        .repartition(Repartitioned.<String, HeldRating>as(RATINGS_BY_ID)
            .withKeySerde(Serdes.String())
            .withValueSerde(new JsonSerde<>(HeldRating.class))
            .withNumberOfPartitions(settings.internalPartitions()))
        .mapValues(rating -> (Routed) new Routed.RatingReceived(rating), Named.as("ratings-by-reply-id-routed"));
  }

  private static KStream<String, MetricEvent> joinRatingsWithReplies(StreamsBuilder builder,
      KStream<String, Routed> repliesById, KStream<String, Routed> ratingsById, FeedbackTopologySettings settings,
      FeedbackTopics topics, FeedbackSerdes serdes, PiiRedactor redactor, FeedbackCounters counters) {
    addJoinStores(builder);
    ExampleBuilder examples = new ExampleBuilder(redactor, settings.ratingWeights(), settings.humanWeight());
    KStream<String, Routed> joined = ratingsById
        .merge(repliesById, Named.as("ratings-and-replies"))
        .process(() -> new FeedbackJoinProcessor(settings.grace(), settings.expiryInterval(), serdes.agentReply(),
                topics.agentReplies(), topics.feedbackDlq(), settings.serviceName(), examples, counters),
            Named.as("join-ratings-with-replies"),
            FeedbackJoinProcessor.REPLIES_STORE, FeedbackJoinProcessor.PENDING_STORE,
            FeedbackJoinProcessor.REPLY_EXPIRY_STORE, FeedbackJoinProcessor.PENDING_EXPIRY_STORE);
    only(joined, Routed.Example.class, "joined-examples")
        .mapValues(routed -> ((Routed.Example) routed).example(), Named.as("training-example-values"))
        .to(topics.trainingExamples(),
            Produced.with(Serdes.String(), serdes.trainingExample()).withName("training-examples-sink"));
    sendDeadLetters(only(joined, Routed.DeadLetterRecord.class, "join-refused"), "join");
    return metricEvents(joined, "join-metrics");
  }

  private static KStream<String, MetricEvent> countedEvents(StreamsBuilder builder, FeedbackTopologySettings settings,
      FeedbackTopics topics, FeedbackSerdes serdes, FeedbackCounters counters) {
    KStream<String, MetricEvent> messages = builder.stream(topics.customerMessages(), raw("customer-messages-source"))
        .filter((key, value) -> value != null, Named.as("customer-messages-not-tombstones"))
        .map((key, value) -> KeyValue.pair(VersionKeys.ALL, MetricEvent.message()), Named.as("count-messages"));
    KStream<String, MetricEvent> deadLetters = builder.stream(topics.deadLetterTopics(), raw("dead-letters-source"))
        .map((key, value) -> KeyValue.pair(VersionKeys.ALL, MetricEvent.deadLetter()), Named.as("count-dead-letters"));
    KStream<String, Routed> decodedHandoffs = builder.stream(topics.handoffs(), raw("handoffs-source"))
        .process(() -> new DecodingProcessor<>(serdes.handoff(), topics.handoffsDlq(), settings.serviceName(),
            new HandoffCounting(), counters), Named.as("decode-handoffs"));
    sendDeadLetters(only(decodedHandoffs, Routed.DeadLetterRecord.class, "handoffs-refused"), "handoffs");
    return messages
        .merge(deadLetters, Named.as("messages-and-dead-letters"))
        .merge(metricEvents(decodedHandoffs, "handoff-metrics"), Named.as("counted-events"));
  }

  private static void aggregate(KStream<String, MetricEvent> joinMetrics, KStream<String, MetricEvent> countedMetrics,
      FeedbackTopologySettings settings, FeedbackTopics topics, FeedbackSerdes serdes) {
    KGroupedStream<String, MetricEvent> byVersion = joinMetrics
        .merge(countedMetrics, Named.as("metric-events"))
        .groupByKey(Grouped.with("metric-events-by-version", Serdes.String(), METRIC_SERDE));
    byVersion
        .windowedBy(TimeWindows.ofSizeAndGrace(settings.windowSize(), settings.windowGrace()))
        .aggregate(OpsAggregate::empty, (version, event, aggregate) -> aggregate.plusWindowed(event),
            Named.as("aggregate-windows"),
            Materialized.<String, OpsAggregate, WindowStore<Bytes, byte[]>>as(WINDOWS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(AGGREGATE_SERDE)
                .withRetention(settings.windowRetention()))
        .toStream(Named.as("window-updates"))
        .map((window, aggregate) -> KeyValue.pair(window.key(),
            aggregate.toOpsMetrics(window.key(), window.window().start(), window.window().end())),
            Named.as("window-ops-metrics"))
        .to(topics.opsMetrics(), Produced.with(Serdes.String(), serdes.opsMetrics()).withName("ops-metrics-sink"));
    byVersion.aggregate(OpsAggregate::empty, (version, event, aggregate) -> aggregate.plusRunning(event),
        Named.as("aggregate-totals"),
        Materialized.<String, OpsAggregate, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(AGGREGATE_SERDE));
  }

  /** Counts each event under its own version and under {@link VersionKeys#ALL}, repartitioned by version. */
  private static KStream<String, MetricEvent> byVersion(KStream<String, MetricEvent> events, String name,
      FeedbackTopologySettings settings) {
    return events
        .flatMap((version, event) -> VersionKeys.ALL.equals(version)
                ? List.of(KeyValue.pair(version, event))
                : List.of(KeyValue.pair(version, event), KeyValue.pair(VersionKeys.ALL, event)),
            Named.as(name + "-and-all"))
        .repartition(Repartitioned.<String, MetricEvent>as(name)
            .withKeySerde(Serdes.String())
            .withValueSerde(METRIC_SERDE)
            .withNumberOfPartitions(settings.internalPartitions()));
  }

  private static KStream<String, MetricEvent> metricEvents(KStream<String, Routed> stream, String name) {
    return only(stream, Routed.Metric.class, name)
        .mapValues(routed -> ((Routed.Metric) routed).event(), Named.as(name + "-events"));
  }

  private static void sendDeadLetters(KStream<String, Routed> refused, String name) {
    refused
        .map((key, routed) -> {
          Routed.DeadLetterRecord letter = (Routed.DeadLetterRecord) routed;
          return KeyValue.pair(letter.key(), letter);
        }, Named.as(name + "-dead-letter-bytes"))
        .to((key, letter, context) -> letter.topic(),
            Produced.with(Serdes.ByteArray(), new DeadLetterValueSerde()).withName(name + "-dead-letter-sink"));
  }

  private static KStream<String, Routed> only(KStream<String, Routed> stream, Class<? extends Routed> kind,
      String name) {
    return stream.filter((key, routed) -> kind.isInstance(routed), Named.as(name));
  }

  private static void addJoinStores(StreamsBuilder builder) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FeedbackJoinProcessor.REPLIES_STORE),
        Serdes.String(), new JsonSerde<>(StoredReply.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FeedbackJoinProcessor.PENDING_STORE),
        Serdes.String(), new JsonSerde<>(HeldRating.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FeedbackJoinProcessor.REPLY_EXPIRY_STORE), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FeedbackJoinProcessor.PENDING_EXPIRY_STORE), Serdes.Bytes(),
        Serdes.ByteArray()));
  }

  private static Consumed<byte[], byte[]> raw(String name) {
    return Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name);
  }
}
