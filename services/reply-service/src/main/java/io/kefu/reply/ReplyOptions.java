package io.kefu.reply;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.reply.validate.InputLimits;
import io.kefu.model.generate.EngineOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * The reply service's settings, read and checked once.
 *
 * @param groupId consumer group
 * @param instanceId this instance's name, unique within the group
 * @param httpPort port of the health and metrics endpoints, 0 for a free one
 * @param handoffConfidence confidence below which a reply is handed to a person
 * @param limits input limits
 * @param memoryTurns recent turns kept per conversation
 * @param memoryMessageIds recent messageIds kept per conversation
 * @param maxPollRecords most records per poll (and per transaction)
 * @param pollTimeout how long one poll waits
 * @param generationTimeout longest generation time of one poll
 * @param generationMaxAttempts attempts before failing generations are dead-lettered
 * @param retryBackoff pause before a retry
 * @param sampling how replies are decoded
 * @param commitInterval longest time between two reply transactions while outcomes are ready
 * @param maxInFlight most consumed messages not yet committed before the partitions are paused
 * @param decodeThreads PyTorch intra-op threads of the generation engine's decode loop
 */
public record ReplyOptions(String groupId, String instanceId, int httpPort, double handoffConfidence,
    InputLimits limits, int memoryTurns, int memoryMessageIds, int maxPollRecords, Duration pollTimeout,
    Duration generationTimeout, int generationMaxAttempts, Duration retryBackoff, SamplingSettings sampling,
    Duration commitInterval, int maxInFlight, int decodeThreads) {

  /** Reads the options from resolved settings; fails naming the setting when a value is out of range. */
  public static ReplyOptions from(KefuConfig config) {
    String instance = config.get(ReplySettings.INSTANCE_ID).trim();
    ReplyOptions options = new ReplyOptions(
        config.get(ReplySettings.GROUP_ID),
        instance.isEmpty() ? UUID.randomUUID().toString() : instance,
        config.getInt(ReplySettings.HTTP_PORT),
        config.getDouble(ReplySettings.HANDOFF_CONFIDENCE),
        limits(config),
        config.getInt(ReplySettings.MEMORY_TURNS),
        config.getInt(ReplySettings.MEMORY_MESSAGE_IDS),
        config.getInt(ReplySettings.MAX_POLL_RECORDS),
        config.getDuration(ReplySettings.POLL_TIMEOUT),
        config.getDuration(ReplySettings.GENERATION_TIMEOUT),
        config.getInt(ReplySettings.GENERATION_MAX_ATTEMPTS),
        config.getDuration(ReplySettings.RETRY_BACKOFF),
        sampling(config),
        config.getDuration(ReplySettings.COMMIT_INTERVAL),
        config.getInt(ReplySettings.MAX_IN_FLIGHT),
        config.getInt(ReplySettings.MODEL_DECODE_THREADS));
    options.check();
    return options;
  }

  /** The generation engine's options: the defaults with this service's decode-loop threads. */
  public EngineOptions engineOptions() {
    return EngineOptions.defaults().withDecodeThreads(decodeThreads);
  }

  private static InputLimits limits(KefuConfig config) {
    try {
      return new InputLimits(config.getInt(ReplySettings.MAX_MESSAGE_CHARS),
          config.getInt(ReplySettings.MAX_CONVERSATION_ID_CHARS), config.getInt(ReplySettings.MAX_MESSAGE_ID_CHARS));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("settings " + ReplySettings.MAX_MESSAGE_CHARS + ", "
          + ReplySettings.MAX_CONVERSATION_ID_CHARS + " and " + ReplySettings.MAX_MESSAGE_ID_CHARS + ": "
          + e.getMessage(), e);
    }
  }

  private static SamplingSettings sampling(KefuConfig config) {
    try {
      return SamplingSettings.sampled(config.getInt(ReplySettings.MAX_NEW_TOKENS),
          (float) config.getDouble(ReplySettings.TEMPERATURE), config.getInt(ReplySettings.TOP_K),
          (float) config.getDouble(ReplySettings.TOP_P), 0L);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("settings reply.generation.*: " + e.getMessage(), e);
    }
  }

  private void check() {
    if (groupId.isBlank()) {
      throw new ConfigException("setting '" + ReplySettings.GROUP_ID + "' must not be blank");
    }
    if (!instanceId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new ConfigException("setting '" + ReplySettings.INSTANCE_ID
          + "' may hold 1..100 letters, digits, '.', '_' or '-', was '" + instanceId + "'");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("setting '" + ReplySettings.HTTP_PORT + "' must be 0..65535, was " + httpPort);
    }
    if (!(handoffConfidence >= 0.0 && handoffConfidence <= 1.0)) {
      throw new ConfigException("setting '" + ReplySettings.HANDOFF_CONFIDENCE + "' must be 0..1, was " + handoffConfidence);
    }
    atLeast(ReplySettings.MEMORY_TURNS, memoryTurns, 0);
    atLeast(ReplySettings.MEMORY_MESSAGE_IDS, memoryMessageIds, 1);
    atLeast(ReplySettings.MAX_POLL_RECORDS, maxPollRecords, 1);
    atLeast(ReplySettings.GENERATION_MAX_ATTEMPTS, generationMaxAttempts, 1);
    atLeast(ReplySettings.MAX_IN_FLIGHT, maxInFlight, 1);
    atLeast(ReplySettings.MODEL_DECODE_THREADS, decodeThreads, 1);
    if (commitInterval.isNegative()) {
      throw new ConfigException("setting '" + ReplySettings.COMMIT_INTERVAL + "' must be >= 0, was " + commitInterval);
    }
    if (pollTimeout.isNegative()) {
      throw new ConfigException("setting '" + ReplySettings.POLL_TIMEOUT + "' must be >= 0, was " + pollTimeout);
    }
    if (generationTimeout.isZero() || generationTimeout.isNegative()) {
      throw new ConfigException("setting '" + ReplySettings.GENERATION_TIMEOUT + "' must be positive, was " + generationTimeout);
    }
  }

  private static void atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException("setting '" + key + "' must be >= " + min + ", was " + value);
    }
  }
}
