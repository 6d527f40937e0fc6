package io.kefu.loadbench;

import io.kefu.model.ComputeDevice;
import io.kefu.model.train.BaseTrainingOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LoadBenchmark} runs.
 *
 * @param rates target rates in messages per second, run in this order
 * @param seconds measured time per rate
 * @param warmup time per rate before measuring; messages sent then are answered but not measured
 * @param model which model answers
 * @param storeDirectory the model store a {@link ModelChoice#DEFAULT} model is read from
 * @param modelVersion the stored version a {@link ModelChoice#DEFAULT} model is read as
 * @param smallTrainingBudget how long a {@link ModelChoice#SMALL} model trains
 * @param device where the model runs
 * @param workDirectory where each run's broker data goes (deleted after the run)
 * @param conversations conversations sharing the load
 * @param engineBatch most sequences the generation engine decodes together
 * @param maxNewTokens most tokens per reply ({@code reply.generation.max.tokens})
 * @param platformLinger the load producer's {@code linger.ms}
 * @param platformFetchMaxWait the reply watcher's {@code fetch.max.wait.ms}
 * @param drainTimeout longest wait, after a rate's last message, for every message to be answered
 * @param soakDuration when set, a soak of this length at {@code soakRate} runs instead of the rates
 * @param soakRate rate of the soak
 * @param sampleInterval how often the soak samples heap after GC, lag and latency
 * @param replySettings reply-service settings over the benchmark's ({@code reply.*}, {@code kafka.*}); with
 *     {@code bootstrap.servers} and {@code schema.registry.url} the run uses that existing cluster and registry (the
 *     {@code kafka.*} security settings apply to every client) instead of a fresh embedded one
 */
public record LoadOptions(List<Integer> rates, Duration seconds, Duration warmup, ModelChoice model,
    Path storeDirectory, String modelVersion, Duration smallTrainingBudget, ComputeDevice device, Path workDirectory,
    int conversations, int engineBatch, int maxNewTokens, Duration platformLinger, Duration platformFetchMaxWait,
    Duration drainTimeout, Duration soakDuration, int soakRate, Duration sampleInterval,
    Map<String, String> replySettings) {

  /** The setting that points the run at an existing cluster. */
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  /** The setting that points the run at an existing schema registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Checks the values. */
  public LoadOptions {
    rates = List.copyOf(rates);
    replySettings = Map.copyOf(replySettings);
    if (replySettings.containsKey(BOOTSTRAP_SERVERS) != replySettings.containsKey(SCHEMA_REGISTRY_URL)) {
      throw new IllegalArgumentException("an existing cluster needs both " + BOOTSTRAP_SERVERS + " and "
          + SCHEMA_REGISTRY_URL + ", was given only " + (replySettings.containsKey(BOOTSTRAP_SERVERS)
              ? BOOTSTRAP_SERVERS : SCHEMA_REGISTRY_URL));
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(storeDirectory, "storeDirectory");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(workDirectory, "workDirectory");
    if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
      throw new IllegalArgumentException("rates must be one or more rates >= 1 message/s, were " + rates);
    }
    positive("seconds", seconds);
    positive("smallTrainingBudget", smallTrainingBudget);
    positive("drainTimeout", drainTimeout);
    positive("sampleInterval", sampleInterval);
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
    }
    if (soakDuration != null) {
      positive("soakDuration", soakDuration);
    }
    if (conversations < 1 || engineBatch < 1 || maxNewTokens < 1 || soakRate < 1) {
      throw new IllegalArgumentException("conversations, engineBatch, maxNewTokens and soakRate must be >= 1, were "
          + conversations + ", " + engineBatch + ", " + maxNewTokens + " and " + soakRate);
    }
  }

  /** True when the run uses an existing cluster and registry rather than embedded ones. */
  public boolean externalCluster() {
    return replySettings.containsKey(BOOTSTRAP_SERVERS);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LoadOptions}; every value has a default. */
  public static final class Builder {
    private List<Integer> rates = List.of(100, 500, 2000);
    private Duration seconds = Duration.ofSeconds(30);
    private Duration warmup = Duration.ofSeconds(10);
    private ModelChoice model = ModelChoice.SMALL;
    private Path storeDirectory = Path.of("data", "models");
    private String modelVersion = BaseTrainingOptions.VERSION;
    private Duration smallTrainingBudget = Duration.ofSeconds(45);
    private ComputeDevice device = ComputeDevice.AUTO;
    private Path workDirectory = Path.of("data", "load-bench");
    private int conversations = 1000;
    private int engineBatch = 128;
    private int maxNewTokens = 96;
    private Duration platformLinger = Duration.ofMillis(1);
    private Duration platformFetchMaxWait = Duration.ofMillis(100);
    private Duration drainTimeout = Duration.ofMinutes(5);
    private Duration soakDuration;
    private int soakRate = 500;
    private Duration sampleInterval = Duration.ofSeconds(10);
    private final Map<String, String> replySettings = new LinkedHashMap<>();

    private Builder() {}

    /** Target rates, messages per second (default 100, 500, 2000). */
    public Builder optRates(List<Integer> value) {
      rates = value;
      return this;
    }

    /** Measured time per rate (default 30 s). */
    public Builder optSeconds(Duration value) {
      seconds = value;
      return this;
    }

    /** Unmeasured time per rate before measuring (default 10 s). */
    public Builder optWarmup(Duration value) {
      warmup = value;
      return this;
    }

    /** Which model answers (default small). */
    public Builder optModel(ModelChoice value) {
      model = value;
      return this;
    }

    /** The model store of a stored model (default data/models). */
    public Builder optStoreDirectory(Path value) {
      storeDirectory = value;
      return this;
    }

    /** The stored version (default the base model's). */
    public Builder optModelVersion(String value) {
      modelVersion = value;
      return this;
    }

    /** Training time of the small model (default 45 s). */
    public Builder optSmallTrainingBudget(Duration value) {
      smallTrainingBudget = value;
      return this;
    }

    /** Device of the model (default auto). */
    public Builder optDevice(ComputeDevice value) {
      device = value;
      return this;
    }

    /** Where runs keep their broker data (default data/load-bench). */
    public Builder optWorkDirectory(Path value) {
      workDirectory = value;
      return this;
    }

    /** Conversations sharing the load (default 1000). */
    public Builder optConversations(int value) {
      conversations = value;
      return this;
    }

    /** Sequences decoded together (default 128). */
    public Builder optEngineBatch(int value) {
      engineBatch = value;
      return this;
    }

    /** Most tokens per reply (default 96, the reply service's). */
    public Builder optMaxNewTokens(int value) {
      maxNewTokens = value;
      return this;
    }

    /** The load producer's linger (default 1 ms). */
    public Builder optPlatformLinger(Duration value) {
      platformLinger = value;
      return this;
    }

    /** The reply watcher's fetch.max.wait.ms (default 100 ms). */
    public Builder optPlatformFetchMaxWait(Duration value) {
      platformFetchMaxWait = value;
      return this;
    }

    /** Longest wait for a rate's messages to be answered (default 5 min). */
    public Builder optDrainTimeout(Duration value) {
      drainTimeout = value;
      return this;
    }

    /** Runs a soak of this length instead of the rates (default none). */
    public Builder optSoakDuration(Duration value) {
      soakDuration = value;
      return this;
    }

    /** Rate of the soak (default 500 messages/s). */
    public Builder optSoakRate(int value) {
      soakRate = value;
      return this;
    }

    /** How often the soak samples (default 10 s). */
    public Builder optSampleInterval(Duration value) {
      sampleInterval = value;
      return this;
    }

    /** A reply-service setting over the benchmark's. */
    public Builder optReplySetting(String key, String value) {
      replySettings.put(key, value);
      return this;
    }

    /** The options. */
    public LoadOptions build() {
      return new LoadOptions(rates, seconds, warmup, model, storeDirectory, modelVersion, smallTrainingBudget, device,
          workDirectory, conversations, engineBatch, maxNewTokens, platformLinger, platformFetchMaxWait, drainTimeout,
          soakDuration, soakRate, sampleInterval, replySettings);
    }
  }
}
