package io.kefu.finetune.bench;

import io.kefu.simulator.HiddenPreference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one flywheel benchmark runs; build it with {@link #builder()} ({@code set*} required, {@code opt*} optional).
 *
 * @param storeDirectory the model store holding the base model ({@code kefu train-base} writes it)
 * @param baseVersion the base model's version; null picks the newest artifact of kind "base" in the store
 * @param workDirectory where the broker, the state stores and the benchmark's own model store live
 * @param cycles fine-tune cycles to run
 * @param trafficMessages customer messages per cycle before its fine-tune run
 * @param ratePerSecond customer messages per second
 * @param canaryShare share of conversations a canary serves
 * @param canaryMessages customer messages per canary round
 * @param canaryRounds most canary rounds before an undecided canary is rolled back
 * @param canaryMinRatings ratings each arm needs before the canary test runs
 * @param canaryAlpha one-sided significance level of the canary test
 * @param poolSize held-out conversations each version is rated on offline
 * @param excludeSentMessages whether pool conversations whose message was sent as traffic are left out (so no version
 *     is rated on a message it may have trained on)
 * @param trafficSeed seed of the traffic's customers, ratings and noise
 * @param poolSeed seed of the held-out pool and of its rating noise (the same draws for every version)
 * @param preference the simulated customers' hidden preference
 * @param operatorAnswers whether a simulated operator answers handoffs (human-reply training examples)
 * @param runTimeout longest wait for one fine-tune run
 * @param settings further Kefu settings for the benchmark's services, e.g. {@code finetune.max.steps} or
 *     {@code reply.generation.temperature}
 */
public record FlywheelOptions(Path storeDirectory, String baseVersion, Path workDirectory, int cycles,
    int trafficMessages, double ratePerSecond, double canaryShare, int canaryMessages, int canaryRounds,
    long canaryMinRatings, double canaryAlpha, int poolSize, boolean excludeSentMessages, long trafficSeed,
    long poolSeed, HiddenPreference preference, boolean operatorAnswers, Duration runTimeout,
    Map<String, String> settings) {

  public FlywheelOptions {
    Objects.requireNonNull(storeDirectory, "storeDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(preference, "preference");
    Objects.requireNonNull(runTimeout, "runTimeout");
    settings = Map.copyOf(settings);
    if (cycles < 1 || trafficMessages < 1 || canaryMessages < 1 || canaryRounds < 1 || poolSize < 1) {
      throw new IllegalArgumentException("cycles, traffic messages, canary messages, canary rounds and pool size must "
          + "be >= 1, were " + cycles + ", " + trafficMessages + ", " + canaryMessages + ", " + canaryRounds + " and "
          + poolSize);
    }
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number of messages per second, was "
          + ratePerSecond);
    }
    if (!(canaryShare > 0 && canaryShare < 1)) {
      throw new IllegalArgumentException("canary share must be in (0, 1), was " + canaryShare);
    }
  }

  /** A builder with the defaults of {@code kefu bench flywheel}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FlywheelOptions}; the defaults are the documented benchmark's. */
  public static final class Builder {
    private Path storeDirectory;
    private String baseVersion;
    private Path workDirectory;
    private int cycles = 3;
    private int trafficMessages = 1000;
    private double ratePerSecond = 50;
    private double canaryShare = 0.5;
    private int canaryMessages = 400;
    private int canaryRounds = 3;
    private long canaryMinRatings = 50;
    private double canaryAlpha = 0.05;
    private int poolSize = 440;
    private boolean excludeSentMessages = true;
    private long trafficSeed = 42;
    private long poolSeed = 7;
    private HiddenPreference preference = new HiddenPreference(5, 3, 2, 1, 0.15);
    private boolean operatorAnswers = true;
    private Duration runTimeout = Duration.ofMinutes(15);
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder() {}

    /** The model store holding the base model. */
    public Builder setStoreDirectory(Path directory) {
      this.storeDirectory = directory;
      return this;
    }

    /** Where the broker, state stores and the benchmark's model store live (created if missing). */
    public Builder setWorkDirectory(Path directory) {
      this.workDirectory = directory;
      return this;
    }

    /** The base model's version (default: the newest artifact of kind "base"). */
    public Builder optBaseVersion(String version) {
      this.baseVersion = version;
      return this;
    }

    public Builder optCycles(int count) {
      this.cycles = count;
      return this;
    }

    public Builder optTrafficMessages(int count) {
      this.trafficMessages = count;
      return this;
    }

    public Builder optRatePerSecond(double rate) {
      this.ratePerSecond = rate;
      return this;
    }

    /** Canary share, messages per canary round and the most rounds. */
    public Builder optCanary(double share, int messagesPerRound, int rounds) {
      this.canaryShare = share;
      this.canaryMessages = messagesPerRound;
      this.canaryRounds = rounds;
      return this;
    }

    /** Ratings per arm before the canary test, and its significance level. */
    public Builder optCanaryTest(long minRatings, double alpha) {
      this.canaryMinRatings = minRatings;
      this.canaryAlpha = alpha;
      return this;
    }

    public Builder optPoolSize(int size) {
      this.poolSize = size;
      return this;
    }

    public Builder optExcludeSentMessages(boolean exclude) {
      this.excludeSentMessages = exclude;
      return this;
    }

    /** Seeds of the traffic and of the held-out pool. */
    public Builder optSeeds(long traffic, long pool) {
      this.trafficSeed = traffic;
      this.poolSeed = pool;
      return this;
    }

    public Builder optPreference(HiddenPreference hidden) {
      this.preference = hidden;
      return this;
    }

    public Builder optOperatorAnswers(boolean answers) {
      this.operatorAnswers = answers;
      return this;
    }

    public Builder optRunTimeout(Duration timeout) {
      this.runTimeout = timeout;
      return this;
    }

    /**
     * A Kefu setting for the benchmark's services, e.g. finetune.max.steps, reply.generation.temperature (the
     * benchmark samples at 0.8, top-p 0.95, unless told otherwise) or reply.handoff.confidence.
     */
    public Builder optSetting(String key, String value) {
      this.settings.put(key, value);
      return this;
    }

    public FlywheelOptions build() {
      return new FlywheelOptions(storeDirectory, baseVersion, workDirectory, cycles, trafficMessages, ratePerSecond,
          canaryShare, canaryMessages, canaryRounds, canaryMinRatings, canaryAlpha, poolSize, excludeSentMessages,
          trafficSeed, poolSeed, preference, operatorAnswers, runTimeout, settings);
    }
  }
}
