package io.kefu.feedback.errors;

import io.kefu.feedback.FeedbackCounters;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety net for records Kafka Streams itself cannot deserialize (the sources are read as bytes and decoded by
 * processors, so only corrupt internal topics get here): logs, counts and continues.
 */
public final class CountingDeserializationExceptionHandler implements DeserializationExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(CountingDeserializationExceptionHandler.class);

  private FeedbackCounters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    counters = HandlerCounters.from(configs, getClass().getSimpleName());
  }

  @Override
  public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    log.error("cannot deserialize {}-{}@{} (processor {}); skipping it", context.topic(), context.partition(),
        context.offset(), context.processorNodeId(), exception);
    counters.handlerContinued("deserialization");
    return DeserializationHandlerResponse.CONTINUE;
  }
}
