package io.kefu.dashboard.ingest;

import io.kefu.dashboard.metrics.DashboardMetrics;
import io.kefu.dashboard.view.DashboardState;
import io.kefu.dashboard.view.DlqView.DeadLetterView;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.Decoded;
import io.kefu.kafka.dlq.DlqHeaders;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.Topic;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicSpec;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each raw record by its topic and hands it to {@link DashboardState}; a record that does not decode, or that
 * a view cannot take, is logged with its topic, partition and offset, counted, and skipped.
 *
 * <p>The dashboard only reads: bad records are dead-lettered by the services that own their topics, not here.
 */
public final class RecordRouter {
  static final String SERVICE = "dashboard";
  private static final Logger log = LoggerFactory.getLogger(RecordRouter.class);

  private final DashboardMetrics metrics;
  private final Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> handlers = new HashMap<>();
  private final Set<String> replayedTopics = new LinkedHashSet<>();
  private final Set<String> recentTopics = new LinkedHashSet<>();

  /** A router for every topic the dashboard follows. */
  public RecordRouter(KefuTopics topics, DashboardState state, DashboardMetrics metrics) {
    this.metrics = metrics;
    recent(topics.customerMessages(), (v, r) -> state.onCustomerMessage(v, r.timestamp()));
    recent(topics.agentReplies(), (v, r) -> state.onReply(v, r.timestamp()));
    recent(topics.handoffs(), (v, r) -> state.onHandoff(v, r.timestamp()));
    recent(topics.feedback(), (v, r) -> state.onFeedback(v));
    recent(topics.operatorCommands(), (v, r) -> state.onCommand(v));
    typed(topics.modelVersions(), (v, r) -> state.onModelVersion(v));
    replayedTopics.add(topics.modelVersions().name());
    for (String dlq : dlqTopics(topics.catalogue())) {
      handlers.put(dlq, r -> state.onDeadLetter(dlq, deadLetter(r)));
      replayedTopics.add(dlq);
    }
  }

  /** Every dead-letter topic of the catalogue. */
  public static List<String> dlqTopics(TopicCatalogue catalogue) {
    return catalogue.all().stream().map(TopicSpec::name).filter(n -> n.endsWith(TopicCatalogue.DLQ_SUFFIX)).toList();
  }

  /** Topics read whole from the beginning: the compacted model registry and the dead-letter topics. */
  public Set<String> replayedTopics() {
    return Set.copyOf(replayedTopics);
  }

  /** Topics read from the start of the dashboard's history window. */
  public Set<String> recentTopics() {
    return Set.copyOf(recentTopics);
  }

  /** Applies one record; never throws for bad data. */
  public void route(ConsumerRecord<byte[], byte[]> record) {
    Consumer<ConsumerRecord<byte[], byte[]>> handler = handlers.get(record.topic());
    if (handler == null) {
      throw new IllegalStateException("the dashboard does not follow topic " + record.topic()
          + "; it was assigned by mistake");
    }
    metrics.recordRead(record.topic());
    try {
      handler.accept(record);
    } catch (RuntimeException e) {
      metrics.recordRefused(record.topic(), "VIEW_FAILED");
      log.error("cannot apply {}-{}@{} to the dashboard views; skipped", record.topic(), record.partition(),
          record.offset(), e);
    }
  }

  private <V> void recent(Topic<String, V> topic, BiConsumer<V, ConsumerRecord<byte[], byte[]>> sink) {
    typed(topic, sink);
    recentTopics.add(topic.name());
  }

  private <V> void typed(Topic<String, V> topic, BiConsumer<V, ConsumerRecord<byte[], byte[]>> sink) {
    RecordDecoder<V> decoder = new RecordDecoder<>(topic.valueSerde().deserializer(), SERVICE);
    handlers.put(topic.name(), record -> {
      Decoded<V> decoded = decoder.decode(record);
      if (decoded instanceof Decoded.Ok<V> ok) {
        sink.accept(ok.value(), record);
      } else if (decoded instanceof Decoded.Refused<V> refused) {
        DeadLetter letter = refused.deadLetter();
        metrics.recordRefused(record.topic(), letter.reason());
        log.warn("skipping undecodable {}-{}@{}: {} ({})", record.topic(), record.partition(), record.offset(),
            letter.reason(), letter.detail());
      }
    });
  }

  private static DeadLetterView deadLetter(ConsumerRecord<byte[], byte[]> record) {
    Headers h = record.headers();
    return new DeadLetterView(DeadLetter.header(h, DlqHeaders.REASON), DeadLetter.header(h, DlqHeaders.DETAIL),
        DeadLetter.header(h, DlqHeaders.SOURCE_TOPIC), (int) number(h, DlqHeaders.SOURCE_PARTITION),
        number(h, DlqHeaders.SOURCE_OFFSET), DeadLetter.header(h, DlqHeaders.SERVICE),
        timestamp(h, record.timestamp()));
  }

  private static long timestamp(Headers headers, long fallback) {
    long at = number(headers, DlqHeaders.TIMESTAMP);
    return at < 0 ? fallback : at;
  }

  /** A numeric header, or -1 when it is missing or not a number (a dead letter's headers are evidence, not input). */
  private static long number(Headers headers, String name) {
    String text = DeadLetter.header(headers, name);
    if (text == null) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      log.debug("dead-letter header {} is not a number: '{}'", name, text);
      return -1;
    }
  }
}
