package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model-versions topic says so far: every record seen, in log order, per version, and the latest per version;
 * thread-safe, and waitable for a status to appear.
 *
 * <p>The records of one version are its history as far as the log still holds it: compaction may have removed all
 * but the last.
 */
public final class ModelVersionLog {
  private final Map<ModelVersionKey, List<ModelVersion>> history = new LinkedHashMap<>();
  private final Map<ModelVersionKey, Long> lastApplied = new LinkedHashMap<>();
  private long applied;

  /** Adds a record read from the topic; records of a version arrive in the order they were written. */
  public synchronized void apply(ModelVersion record) {
    ModelVersionKey key = ModelVersionKey.of(record);
    history.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    lastApplied.put(key, ++applied);
    notifyAll();
  }

  /** The latest record of a version. */
  public synchronized Optional<ModelVersion> latest(ModelVersionKey key) {
    List<ModelVersion> records = history.get(key);
    return records == null ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  /** Every record seen of a version, oldest first. */
  public synchronized List<ModelVersion> history(ModelVersionKey key) {
    return List.copyOf(history.getOrDefault(key, List.of()));
  }

  /** The latest record of every version of {@code modelName}, in the order versions first appeared. */
  public synchronized List<ModelVersion> versions(String modelName) {
    List<ModelVersion> out = new ArrayList<>();
    history.forEach((key, records) -> {
      if (key.modelName().equals(modelName)) {
        out.add(records.get(records.size() - 1));
      }
    });
    return out;
  }

  /** The latest record of every version of every model, in the order versions first appeared. */
  public synchronized List<ModelVersion> all() {
    List<ModelVersion> out = new ArrayList<>();
    history.values().forEach(records -> out.add(records.get(records.size() - 1)));
    return out;
  }

  /** The names of the models seen. */
  public synchronized List<String> modelNames() {
    return history.keySet().stream().map(ModelVersionKey::modelName).distinct().toList();
  }

  /** The ACTIVE version of a model; the most recently changed one if the log briefly shows two. */
  public synchronized Optional<ModelVersion> active(String modelName) {
    return newestWithStatus(modelName, ModelStatus.ACTIVE);
  }

  /** The CANARY version of a model, if one is being tried. */
  public synchronized Optional<ModelVersion> canary(String modelName) {
    return newestWithStatus(modelName, ModelStatus.CANARY);
  }

  /** The latest versions of a model that are in {@code status}, newest change first (log order breaks ties). */
  public synchronized List<ModelVersion> withStatus(String modelName, ModelStatus status) {
    return versions(modelName).stream()
        .filter(v -> v.getStatus() == status)
        .sorted(Comparator.comparing(ModelVersion::getChangedAt)
            .thenComparing(v -> lastApplied.get(ModelVersionKey.of(v))).reversed())
        .toList();
  }

  /**
   * Waits until the latest record of {@code key} has {@code status}.
   *
   * @return the record, or empty when {@code timeout} passed first
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized Optional<ModelVersion> awaitStatus(ModelVersionKey key, ModelStatus status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ModelVersion> latest = latest(key);
      if (latest.isPresent() && latest.get().getStatus() == status) {
        return latest;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private Optional<ModelVersion> newestWithStatus(String modelName, ModelStatus status) {
    List<ModelVersion> matching = withStatus(modelName, status);
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(0));
  }
}
