package io.kefu.lifecycle.canary;

import io.kefu.contract.CommandKind;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs canaries of one model: starts a canary for the newest CANDIDATE trained from the ACTIVE version (rejecting
 * candidates that are superseded), compares the canary's ratings with the active version's over the canary's period
 * by the {@link CanaryPolicy}, and promotes or rolls it back; also carries out operators' PROMOTE and ROLL_BACK
 * commands. Every step goes through the {@link LifecyclePublisher} with its reason.
 */
public final class CanaryController {
  private static final Logger log = LoggerFactory.getLogger(CanaryController.class);

  private final String modelName;
  private final CanaryPolicy policy;
  private final double share;
  private final boolean autoStart;
  private final ModelRegistryView view;
  private final LifecyclePublisher publisher;
  private final RatingSource ratings;
  private final Clock clock;

  /**
   * A controller of {@code modelName}'s canaries.
   *
   * @param share share of conversations a canary serves, in (0, 1)
   * @param autoStart whether to start canaries of new candidates by itself
   */
  public CanaryController(String modelName, CanaryPolicy policy, double share, boolean autoStart,
      ModelRegistryView view, LifecyclePublisher publisher, RatingSource ratings, Clock clock) {
    if (!(share > 0.0 && share < 1.0)) {
      throw new IllegalArgumentException("canary share must be in (0, 1), was " + share);
    }
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.share = share;
    this.autoStart = autoStart;
    this.view = view;
    this.publisher = publisher;
    this.ratings = ratings;
    this.clock = clock;
  }

  /** A controller configured by the {@code canary.*} and {@code lifecycle.model.name} settings. */
  public static CanaryController fromConfig(KefuConfig config, ModelRegistryView view, LifecyclePublisher publisher,
      RatingSource ratings, Clock clock) {
    return new CanaryController(config.get(LifecycleSettings.MODEL_NAME), policyFrom(config),
        config.getDouble(LifecycleSettings.CANARY_SHARE), config.getBoolean(LifecycleSettings.CANARY_AUTO_START),
        view, publisher, ratings, clock);
  }

  /** The canary policy the settings describe. */
  public static CanaryPolicy policyFrom(KefuConfig config) {
    return new CanaryPolicy(config.getLong(LifecycleSettings.CANARY_MIN_RATINGS),
        config.getDouble(LifecycleSettings.CANARY_ALPHA), config.getDouble(LifecycleSettings.CANARY_MIN_UPLIFT),
        config.getDuration(LifecycleSettings.CANARY_TIMEOUT));
  }

  /** The model this controller runs canaries of. */
  public String modelName() {
    return modelName;
  }

  /**
   * One round: decides about the running canary, or (with auto start) starts one for the newest fresh candidate.
   *
   * @return the decision about the running canary, empty when none ran
   */
  public synchronized Optional<CanaryDecision> checkOnce() {
    Optional<ModelVersion> canary = view.canary(modelName);
    if (canary.isPresent()) {
      return Optional.of(decide(canary.get()));
    }
    if (autoStart) {
      startNewestCandidate();
    }
    return Optional.empty();
  }

  private CanaryDecision decide(ModelVersion canary) {
    Optional<ModelVersion> active = view.active(modelName);
    Instant since = canary.getChangedAt();
    Duration elapsed = Duration.between(since, clock.instant());
    ArmStats canaryStats = ratings.ratingsSince(canary.getVersion(), since);
    if (active.isEmpty()) {
      return new CanaryDecision(CanaryDecision.Verdict.CONTINUE, "no ACTIVE version of " + modelName
          + " to compare the canary with", canaryStats, ArmStats.empty(), null);
    }
    ArmStats activeStats = ratings.ratingsSince(active.get().getVersion(), since);
    CanaryDecision decision = policy.decide(canaryStats, activeStats, elapsed);
    switch (decision.verdict()) {
      case PROMOTE -> publisher.promote(modelName, canary.getVersion(), decision.reason());
      case ROLL_BACK -> publisher.rollBack(modelName, canary.getVersion(), decision.reason());
      case CONTINUE -> log.debug("canary {}: {}", canary.getVersion(), decision.reason());
    }
    return decision;
  }

  private void startNewestCandidate() {
    Optional<ModelVersion> active = view.active(modelName);
    if (active.isEmpty()) {
      return;
    }
    String activeVersion = active.get().getVersion();
    List<ModelVersion> candidates = view.versions().withStatus(modelName, ModelStatus.CANDIDATE);
    ModelVersion chosen = null;
    for (ModelVersion candidate : candidates) {
      if (!activeVersion.equals(candidate.getParentVersion())) {
        publisher.reject(modelName, candidate.getVersion(), "superseded: trained from "
            + candidate.getParentVersion() + " but " + activeVersion + " is ACTIVE");
      } else if (chosen == null) {
        chosen = candidate;
      } else {
        publisher.reject(modelName, candidate.getVersion(), "superseded by the newer candidate "
            + chosen.getVersion());
      }
    }
    if (chosen != null) {
      publisher.startCanary(modelName, chosen.getVersion(), share,
          "canary on " + Math.round(share * 100) + "% of conversations against " + activeVersion);
    }
  }

  /**
   * Carries out an operator's PROMOTE or ROLL_BACK; other kinds are not this controller's and are ignored. Without a
   * version, PROMOTE means the running canary and ROLL_BACK the running canary, else the ACTIVE version.
   *
   * @return whether the command was this controller's to carry out
   * @throws IllegalStateException when there is nothing to promote or roll back, or the step is not allowed
   */
  public synchronized boolean handle(OperatorCommand command) {
    if (command.getKind() != CommandKind.PROMOTE && command.getKind() != CommandKind.ROLL_BACK) {
      return false;
    }
    String model = command.getModelName() == null ? modelName : command.getModelName();
    if (!model.equals(modelName)) {
      return false;
    }
    String reason = "by operator " + command.getOperatorId()
        + (command.getReason() == null ? "" : ": " + command.getReason());
    if (command.getKind() == CommandKind.PROMOTE) {
      String version = Optional.ofNullable(command.getModelVersion())
          .or(() -> view.canary(model).map(ModelVersion::getVersion))
          .orElseThrow(() -> new IllegalStateException("command " + command.getCommandId()
              + ": PROMOTE names no version and " + model + " has no canary"));
      publisher.promote(model, version, "promoted " + reason);
    } else {
      String version = Optional.ofNullable(command.getModelVersion())
          .or(() -> view.canary(model).map(ModelVersion::getVersion))
          .or(() -> view.active(model).map(ModelVersion::getVersion))
          .orElseThrow(() -> new IllegalStateException("command " + command.getCommandId()
              + ": ROLL_BACK names no version and " + model + " has neither a canary nor an active version"));
      publisher.rollBack(model, version, "rolled back " + reason);
    }
    return true;
  }
}
