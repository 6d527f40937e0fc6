package io.kefu.model.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The manifest of a model artifact.
 *
 * @param modelName the model's name
 * @param version this artifact's version
 * @param parentVersion the version it was trained from, or null for a base model
 * @param createdAt ISO-8601 instant of creation
 * @param sha256 lower-case hex SHA-256 of every other file, by file name
 */
public record ModelManifest(String modelName, String version, String parentVersion, String createdAt,
        Map<String, String> sha256) {

    /** Checks the required fields and sorts the checksums by file name. */
    public ModelManifest {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        sha256 = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(sha256, "sha256")));
    }
}
