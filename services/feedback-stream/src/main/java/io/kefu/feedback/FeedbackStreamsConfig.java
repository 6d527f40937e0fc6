package io.kefu.feedback;

import io.kefu.feedback.errors.CountingDeserializationExceptionHandler;
import io.kefu.feedback.errors.CountingProcessingExceptionHandler;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;

/** The Kafka Streams configuration of the feedback stream: exactly_once_v2 and explicit exception handlers. */
public final class FeedbackStreamsConfig {
  private FeedbackStreamsConfig() {}

  /**
   * The Streams properties for {@code config}.
   *
   * @param applicationServer {@code host:port} of this instance's HTTP API, advertised for interactive queries
   */
  public static Properties fromConfig(KefuConfig config, String applicationServer, FeedbackCounters counters) {
    String stateDir = config.getOrNull(FeedbackSettings.STATE_DIR);
    Path stateDirectory = stateDir != null && !stateDir.isBlank()
        ? Path.of(stateDir)
        : Path.of(config.get(CoreSettings.DATA_DIR)).resolve("feedback-stream");
    return properties(applicationId(config), config.kafkaClientProperties(),
        config.getDuration(FeedbackSettings.COMMIT_INTERVAL), config.getInt(FeedbackSettings.STREAM_THREADS),
        stateDirectory, applicationServer, counters);
  }

  /** The application id: the topic prefix followed by {@code feedback.application.id}. */
  public static String applicationId(KefuConfig config) {
    return config.get(CoreSettings.TOPIC_PREFIX) + config.get(FeedbackSettings.APPLICATION_ID);
  }

  /**
   * The Streams properties from their parts.
   *
   * @param clientProperties bootstrap servers and any other Kafka client settings (security, ...)
   * @param applicationServer {@code host:port} advertised for interactive queries, or null
   */
  public static Properties properties(String applicationId, Map<String, Object> clientProperties,
      Duration commitInterval, int threads, Path stateDir, String applicationServer, FeedbackCounters counters) {
    Objects.requireNonNull(counters, "counters");
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        CountingDeserializationExceptionHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, CountingProcessingExceptionHandler.class);
    // A record without a valid timestamp takes its partition's time instead of stopping the stream.
    props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, UsePartitionTimeOnInvalidTimestamp.class);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    props.put(FeedbackCounters.CONFIG_KEY, counters);
    return props;
  }
}
