package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import java.time.Instant;
import java.util.Map;

/** Builds the model-versions records of lifecycle steps, checking each step against {@link LifecycleTransitions}. */
public final class ModelVersionRecords {
  private ModelVersionRecords() {}

  /**
   * The record of a version's first step (CANDIDATE, REJECTED, or ACTIVE for a base model).
   *
   * @throws IllegalTransitionException when {@code status} cannot be a first step
   */
  public static ModelVersion first(String modelName, String version, ModelStatus status, String parentVersion,
      String artifactUri, String manifestSha256, Map<String, Double> trainingMetrics,
      Map<String, Double> evaluation, String reason, Instant at) {
    LifecycleTransitions.check(new ModelVersionKey(modelName, version), null, status);
    return ModelVersion.newBuilder()
        .setModelName(modelName)
        .setVersion(version)
        .setStatus(status)
        .setParentVersion(parentVersion)
        .setArtifactUri(artifactUri)
        .setManifestSha256(manifestSha256)
        .setTrainingMetrics(Map.copyOf(trainingMetrics))
        .setEvaluation(Map.copyOf(evaluation))
        .setCanaryShare(0.0)
        .setReason(reason)
        .setChangedAt(at)
        .build();
  }

  /**
   * The record of {@code current} moving to {@code to}; everything else is carried over, the canary share is kept
   * only while the version is a canary.
   *
   * @throws IllegalTransitionException when the step is not allowed
   */
  public static ModelVersion next(ModelVersion current, ModelStatus to, double canaryShare, String reason,
      Instant at) {
    LifecycleTransitions.check(ModelVersionKey.of(current), current.getStatus(), to);
    if (to == ModelStatus.CANARY && !(canaryShare > 0.0 && canaryShare < 1.0)) {
      throw new IllegalArgumentException("canary share of " + ModelVersionKey.of(current)
          + " must be in (0, 1), was " + canaryShare);
    }
    return ModelVersion.newBuilder(current)
        .setStatus(to)
        .setCanaryShare(to == ModelStatus.CANARY ? canaryShare : 0.0)
        .setReason(reason)
        .setChangedAt(at)
        .build();
  }
}
