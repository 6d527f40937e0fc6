package io.kefu.poison;

import io.kefu.poison.cases.PoisonCatalogue;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a matrix run is set up.
 *
 * @param workDirectory where the broker, registry, model store and state stores keep their data (a fresh one per run)
 * @param topicPrefix prefix of every topic of the run
 * @param catalogue the cases to try
 * @param outcomeTimeout longest wait for the answers to the customer-messages cases, and again for every outcome
 * @param progress where start-up, training and phase progress is printed
 */
public record MatrixOptions(Path workDirectory, String topicPrefix, PoisonCatalogue catalogue,
    Duration outcomeTimeout, PrintStream progress) {

  public MatrixOptions {
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(progress, "progress");
    if (outcomeTimeout == null || outcomeTimeout.isNegative() || outcomeTimeout.isZero()) {
      throw new IllegalArgumentException("outcomeTimeout must be positive, was " + outcomeTimeout);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MatrixOptions}: the work directory is required, the rest has defaults. */
  public static final class Builder {
    private Path workDirectory;
    private String topicPrefix = "poison.";
    private PoisonCatalogue catalogue = PoisonCatalogue.standard();
    private Duration outcomeTimeout = Duration.ofSeconds(90);
    private PrintStream progress = new PrintStream(OutputStream.nullOutputStream(), true);

    public Builder setWorkDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    /** Default {@code poison.}. */
    public Builder optTopicPrefix(String topicPrefix) {
      this.topicPrefix = topicPrefix;
      return this;
    }

    /** Default {@link PoisonCatalogue#standard()}. */
    public Builder optCatalogue(PoisonCatalogue catalogue) {
      this.catalogue = catalogue;
      return this;
    }

    /** Default 90 s. */
    public Builder optOutcomeTimeout(Duration outcomeTimeout) {
      this.outcomeTimeout = outcomeTimeout;
      return this;
    }

    /** Default nowhere. */
    public Builder optProgress(PrintStream progress) {
      this.progress = progress;
      return this;
    }

    public MatrixOptions build() {
      if (workDirectory == null) {
        throw new IllegalArgumentException("the work directory is required (setWorkDirectory)");
      }
      return new MatrixOptions(workDirectory, topicPrefix, catalogue, outcomeTimeout, progress);
    }
  }
}
