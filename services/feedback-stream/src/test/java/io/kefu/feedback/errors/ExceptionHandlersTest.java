package io.kefu.feedback.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.feedback.FeedbackCounters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The explicit exception handlers: continue (and count) past bad records, fail only when the registry is down. */
class ExceptionHandlersTest {
  private final FeedbackCounters counters = new FeedbackCounters(new SimpleMeterRegistry());
  private final Map<String, Object> configs = Map.of(FeedbackCounters.CONFIG_KEY, counters);

  /** Where a failed record was, as Kafka Streams tells a handler. */
  private record Where(String topic, int partition, long offset) implements ErrorHandlerContext {
    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "join-ratings-with-replies";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(1, partition);
    }

    @Override
    public long timestamp() {
      return 0;
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return null;
    }
  }

  @Test
  void shouldContinuePastAProcessorFailureAndCountIt() {
    CountingProcessingExceptionHandler handler = new CountingProcessingExceptionHandler();
    handler.configure(configs);
    ProcessingHandlerResponse response = handler.handle(new Where("feedback", 2, 41), new Record<>("k", "v", 0),
        new IllegalStateException("boom"));
    assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
    assertThat(counters.count("kefu.feedback.exception.handler.continued", "handler", "processing")).isEqualTo(1.0);
  }

  @Test
  void shouldFailTheThreadWhenTheRegistryIsUnavailableSoTheRecordIsRetried() {
    CountingProcessingExceptionHandler handler = new CountingProcessingExceptionHandler();
    handler.configure(configs);
    ProcessingHandlerResponse response = handler.handle(new Where("feedback", 2, 41), new Record<>("k", "v", 0),
        new RegistryUnavailableException("registry down", null));
    assertThat(response).isEqualTo(ProcessingHandlerResponse.FAIL);
    assertThat(counters.count("kefu.feedback.exception.handler.continued", "handler", "processing")).isZero();
  }

  @Test
  void shouldContinuePastAnUndeserializableRecordAndCountIt() {
    CountingDeserializationExceptionHandler handler = new CountingDeserializationExceptionHandler();
    handler.configure(configs);
    DeserializationHandlerResponse response = handler.handle(new Where("metrics-repartition", 0, 7),
        new ConsumerRecord<>("metrics-repartition", 0, 7, new byte[] {1}, new byte[] {2}),
        new IllegalArgumentException("not JSON"));
    assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
    assertThat(counters.count("kefu.feedback.exception.handler.continued", "handler", "deserialization"))
        .isEqualTo(1.0);
  }

  @Test
  void shouldRefuseToStartWithoutCounters() {
    assertThatThrownBy(() -> new CountingProcessingExceptionHandler().configure(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CountingProcessingExceptionHandler needs a FeedbackCounters instance under "
            + "kefu.feedback.counters");
  }
}
