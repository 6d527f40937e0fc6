package io.kefu.dashboard.view;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every model version's latest lifecycle step, from the compacted model-versions topic, with the version currently
 * serving ({@code ACTIVE}) and the one on trial ({@code CANARY}) of each model marked.
 *
 * <p>When more than one version of a model says ACTIVE (an older one never got its RETIRED step), the most recently
 * changed one is the one marked; the others keep their recorded status.
 */
public final class ModelRegistryView {
  /** Versions kept; beyond it the oldest that are neither active nor canary are dropped. */
  public static final int MAX_VERSIONS = 500;

  private final Map<String, ModelRow> rows = new LinkedHashMap<>();

  /** Records one lifecycle step; an older step of a version than the one held is ignored. */
  public synchronized void onModelVersion(ModelVersion mv) {
    String key = key(mv.getModelName(), mv.getVersion());
    ModelRow row = ModelRow.of(mv);
    ModelRow held = rows.get(key);
    if (held != null && held.changedAt() > row.changedAt()) {
      return;
    }
    rows.put(key, row);
    if (rows.size() > MAX_VERSIONS) {
      evictOne();
    }
  }

  private void evictOne() {
    Map<String, String> marks = marks();
    rows.entrySet().stream()
        .filter(e -> !marks.containsKey(e.getKey()))
        .min(Comparator.comparingLong(e -> e.getValue().changedAt()))
        .ifPresent(e -> rows.remove(e.getKey()));
  }

  /** The latest step of {@code version} of {@code modelName}, if the dashboard has seen it. */
  public synchronized Optional<ModelRow> find(String modelName, String version) {
    return Optional.ofNullable(rows.get(key(modelName, version)));
  }

  /** Every version, newest change first, each with its ACTIVE or CANARY mark. */
  public synchronized List<MarkedModel> snapshot() {
    Map<String, String> marks = marks();
    List<MarkedModel> result = new ArrayList<>();
    rows.forEach((key, row) -> result.add(new MarkedModel(row, marks.get(key))));
    result.sort(Comparator.comparing((MarkedModel m) -> m.row().modelName())
        .thenComparing(Comparator.comparingLong((MarkedModel m) -> m.row().changedAt()).reversed()));
    return result;
  }

  /** Marked versions by model version name (of any model): ACTIVE or CANARY. */
  public synchronized Map<String, String> markedVersions() {
    Map<String, String> byVersion = new TreeMap<>();
    marks().forEach((key, mark) -> byVersion.put(rows.get(key).version(), mark));
    return byVersion;
  }

  private Map<String, String> marks() {
    Map<String, ModelRow> activeByModel = new HashMap<>();
    Map<String, String> marks = new HashMap<>();
    rows.forEach((key, row) -> {
      if (row.status().equals(ModelStatus.ACTIVE.name())) {
        activeByModel.merge(row.modelName(), row, (a, b) -> a.changedAt() >= b.changedAt() ? a : b);
      } else if (row.status().equals(ModelStatus.CANARY.name())) {
        marks.put(key, ModelStatus.CANARY.name());
      }
    });
    activeByModel.values().forEach(row -> marks.put(key(row.modelName(), row.version()), ModelStatus.ACTIVE.name()));
    return marks;
  }

  private static String key(String modelName, String version) {
    return modelName + '\u0000' + version;
  }

  /**
   * A version with its mark.
   *
   * @param row the version's latest step
   * @param mark {@code ACTIVE}, {@code CANARY} or null
   */
  public record MarkedModel(ModelRow row, String mark) {}

  /**
   * The latest lifecycle step of one model version.
   *
   * @param modelName the model
   * @param version the version
   * @param status its lifecycle status
   * @param parentVersion the version it was fine-tuned from, or null
   * @param manifestSha256 checksum of its artifact manifest
   * @param trainingMetrics figures from its training run
   * @param evaluation its evaluation results and canary evidence
   * @param canaryShare share of conversations it serves while a canary
   * @param reason why it reached this status, or null
   * @param changedAt when it did, epoch milliseconds
   */
  public record ModelRow(String modelName, String version, String status, String parentVersion,
      String manifestSha256, Map<String, Double> trainingMetrics, Map<String, Double> evaluation, double canaryShare,
      String reason, long changedAt) {

    static ModelRow of(ModelVersion mv) {
      return new ModelRow(mv.getModelName(), mv.getVersion(), mv.getStatus().name(), mv.getParentVersion(),
          mv.getManifestSha256(), new TreeMap<>(mv.getTrainingMetrics()), new TreeMap<>(mv.getEvaluation()),
          mv.getCanaryShare(), mv.getReason(), mv.getChangedAt().toEpochMilli());
    }
  }
}
