package io.kefu.model.store;

import ai.djl.Device;
import io.kefu.model.LanguageModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A versioned store of model artifacts that verifies every artifact it hands out. */
public interface ModelStore {

    /**
     * Stores a model under its version.
     *
     * @param model the model; its version must not be stored yet
     * @param parentVersion the version it was trained from, or null
     * @param metrics training metrics
     * @return the stored artifact
     * @throws IOException if writing fails or the version exists
     */
    ModelArtifact save(LanguageModel model, String parentVersion, Map<String, ?> metrics) throws IOException;

    /**
     * Lists stored versions, oldest first.
     *
     * @return versions
     * @throws IOException if the store cannot be read
     */
    List<String> versions() throws IOException;

    /**
     * Opens and verifies an artifact.
     *
     * @param version the version
     * @return the verified artifact
     * @throws IOException if it cannot be read
     * @throws CorruptArtifactException if it does not match its manifest
     */
    ModelArtifact open(String version) throws IOException;

    /**
     * Loads a verified model.
     *
     * @param version the version
     * @param device where the parameters go
     * @return the model
     * @throws IOException if it cannot be read
     * @throws CorruptArtifactException if it does not match its manifest
     */
    default LanguageModel load(String version, Device device) throws IOException {
        return open(version).load(device);
    }

    /**
     * Returns the SHA-256 of a version's manifest.json.
     *
     * @param version the version
     * @return lower-case hex
     * @throws IOException if it cannot be read
     */
    String manifestSha256(String version) throws IOException;
}
