package io.kefu.feedback.errors;

import io.kefu.feedback.FeedbackCounters;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safety net for a processor that throws: logs with topic/partition/offset, counts and continues with the next
 * record; a {@link RegistryUnavailableException} instead fails the thread, which is replaced and retries the record.
 */
public final class CountingProcessingExceptionHandler implements ProcessingExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(CountingProcessingExceptionHandler.class);

  private FeedbackCounters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    counters = HandlerCounters.from(configs, getClass().getSimpleName());
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (exception instanceof RegistryUnavailableException) {
      log.error("processor {} cannot go on with {}-{}@{}: the schema registry is unavailable; failing the thread so"
          + " the record is retried", context.processorNodeId(), context.topic(), context.partition(),
          context.offset(), exception);
      return ProcessingHandlerResponse.FAIL;
    }
    log.error("processor {} failed on {}-{}@{}; skipping the record", context.processorNodeId(), context.topic(),
        context.partition(), context.offset(), exception);
    counters.handlerContinued("processing");
    return ProcessingHandlerResponse.CONTINUE;
  }
}
