package io.kefu.reply.serving;

import io.kefu.contract.ModelVersion;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelVersionKey;
import io.kefu.model.store.CorruptArtifactException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports on model-versions that a version's artifact was refused: a CANDIDATE is REJECTED, a CANARY or the ACTIVE
 * version ROLLED_BACK (which, for the ACTIVE one, reinstates the version it replaced), with a reason naming the file.
 */
public final class RefusalReporter {
  private static final Logger log = LoggerFactory.getLogger(RefusalReporter.class);

  private final LifecyclePublisher publisher;
  private final String refusedBy;

  /** A reporter writing through {@code publisher}, naming {@code refusedBy} (e.g. the service instance) in reasons. */
  public RefusalReporter(LifecyclePublisher publisher, String refusedBy) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.refusedBy = Objects.requireNonNull(refusedBy, "refusedBy");
  }

  /**
   * Writes the refusal of {@code record}'s artifact.
   *
   * @return the record written, or empty when the step could not be taken (logged with why)
   */
  public Optional<ModelVersion> report(ModelVersion record, CorruptArtifactException refusal) {
    ModelVersionKey key = ModelVersionKey.of(record);
    String reason = reason(refusal);
    try {
      ModelVersion written = switch (record.getStatus()) {
        case CANDIDATE -> publisher.reject(key.modelName(), key.version(), reason);
        case CANARY, ACTIVE -> publisher.rollBack(key.modelName(), key.version(), reason);
        default -> null;
      };
      if (written == null) {
        log.warn("refused artifact of {} not reported: a {} version takes no lifecycle step for it", key,
            record.getStatus());
      }
      return Optional.ofNullable(written);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // IllegalTransitionException included: another instance or the canary controller moved the version first.
      log.error("cannot report the refused artifact of {} ({}) on model-versions", key, reason, e);
      return Optional.empty();
    }
  }

  /** The reason recorded for a refusal: who refused, which file, and what was wrong with it. */
  public String reason(CorruptArtifactException refusal) {
    return "artifact refused by " + refusedBy + ": " + refusal.file() + " failed verification (" + refusal.getMessage()
        + ")";
  }
}
