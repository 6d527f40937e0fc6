package io.kefu.feedback.decode;

import io.kefu.feedback.FeedbackCounters;
import io.kefu.feedback.errors.RegistryUnavailableException;
import io.kefu.feedback.route.DeadLetters;
import io.kefu.feedback.route.Routed;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.Decoded;
import io.kefu.kafka.dlq.RecordDecoder;
import io.kefu.serde.AvroWireFormatException;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a source read as bytes with {@link RecordDecoder}, hands good records to a {@link DecodedHandler} and
 * routes refused ones to the source's dead-letter topic with reason headers, so bad bytes never stop the stream.
 *
 * <p>A source without a dead-letter topic gets its refused records logged (topic, partition, offset, reason) and
 * counted instead. A registry outage is not bad input: it raises {@link RegistryUnavailableException}.
 *
 * @param <V> the decoded value type
 */
public final class DecodingProcessor<V> implements Processor<byte[], byte[], String, Routed> {
  private static final Logger log = LoggerFactory.getLogger(DecodingProcessor.class);

  private final RecordDecoder<V> decoder;
  private final Optional<String> dlqTopic;
  private final String service;
  private final DecodedHandler<V> handler;
  private final FeedbackCounters counters;
  private ProcessorContext<String, Routed> context;

  public DecodingProcessor(Deserializer<V> deserializer, Optional<String> dlqTopic, String service,
      DecodedHandler<V> handler, FeedbackCounters counters) {
    this.decoder = new RecordDecoder<>(Objects.requireNonNull(deserializer, "deserializer"), service);
    this.dlqTopic = Objects.requireNonNull(dlqTopic, "dlqTopic");
    this.service = Objects.requireNonNull(service, "service");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RecordMetadata metadata = context.recordMetadata().orElseThrow(() -> new IllegalStateException(
        "DecodingProcessor has no record metadata: it must be fed directly by a source node"));
    ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(metadata.topic(), metadata.partition(),
        metadata.offset(), record.timestamp(), TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
        record.headers(), Optional.empty());
    Decoded<V> decoded = decoder.decode(raw);
    Input input = new Input(record, metadata);
    if (decoded instanceof Decoded.Ok<V> ok) {
      handler.handle(ok.key(), ok.value(), input);
    } else if (decoded instanceof Decoded.Refused<V> refused) {
      DeadLetter letter = refused.deadLetter();
      if (AvroWireFormatException.Reason.REGISTRY_ERROR.name().equals(letter.reason())) {
        throw new RegistryUnavailableException("cannot decode " + metadata.topic() + "-" + metadata.partition() + "@"
            + metadata.offset() + " because the schema registry failed: " + letter.detail());
      }
      input.route(letter);
    }
  }

  /** The handler's view of the current record. */
  private final class Input implements DecodedInput {
    private final Record<byte[], byte[]> record;
    private final RecordMetadata metadata;

    Input(Record<byte[], byte[]> record, RecordMetadata metadata) {
      this.record = record;
      this.metadata = metadata;
    }

    @Override
    public Record<byte[], byte[]> raw() {
      return record;
    }

    @Override
    public RecordMetadata metadata() {
      return metadata;
    }

    @Override
    public void forward(String key, Routed value) {
      context.forward(new Record<>(key, value, record.timestamp(), new RecordHeaders()));
    }

    @Override
    public void refuse(String reason, String detail) {
      route(new DeadLetter(reason, detail, null, metadata.topic(), metadata.partition(), metadata.offset(), service));
    }

    void route(DeadLetter letter) {
      if (dlqTopic.isPresent()) {
        log.warn("dead-lettering {}-{}@{} to {}: {} ({})", metadata.topic(), metadata.partition(), metadata.offset(),
            dlqTopic.get(), letter.reason(), letter.detail());
        counters.deadLettered(metadata.topic(), letter.reason());
        context.forward(DeadLetters.record(letter, dlqTopic.get(), record.key(), record.value(), record.headers(),
            record.timestamp(), context.currentSystemTimeMs()));
      } else {
        log.error("skipping {}-{}@{}: {} ({}); no dead-letter topic is declared for {}", metadata.topic(),
            metadata.partition(), metadata.offset(), letter.reason(), letter.detail(), metadata.topic());
        counters.skipped(metadata.topic(), letter.reason());
      }
    }
  }
}
