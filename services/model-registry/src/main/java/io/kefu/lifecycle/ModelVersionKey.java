package io.kefu.lifecycle;

import io.kefu.contract.ModelVersion;
import java.util.Objects;

/**
 * The key of a model-versions record: {@code <modelName>:<version>}, one key per version so that compaction keeps the
 * latest lifecycle step of every version (one key per model would keep only the newest version's).
 *
 * @param modelName the model's name; must not contain ':'
 * @param version the version label
 */
public record ModelVersionKey(String modelName, String version) {
  /** Separates the model name from the version in the record key. */
  public static final char SEPARATOR = ':';

  public ModelVersionKey {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(version, "version");
    if (modelName.isBlank() || modelName.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("model name must be non-blank and free of '" + SEPARATOR + "', was '"
          + modelName + "'");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("version of model " + modelName + " must not be blank");
    }
  }

  /** The key of {@code record}. */
  public static ModelVersionKey of(ModelVersion record) {
    return new ModelVersionKey(record.getModelName(), record.getVersion());
  }

  /** Parses a record key written by {@link #toString()}. */
  public static ModelVersionKey parse(String key) {
    int at = key == null ? -1 : key.indexOf(SEPARATOR);
    if (at <= 0 || at == key.length() - 1) {
      throw new IllegalArgumentException("model-versions key must be '<modelName>:<version>', was '" + key + "'");
    }
    return new ModelVersionKey(key.substring(0, at), key.substring(at + 1));
  }

  /** The record key, {@code <modelName>:<version>}. */
  @Override
  public String toString() {
    return modelName + SEPARATOR + version;
  }
}
