package io.kefu.model.store;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kefu.model.LanguageModel;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.tokenizer.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A model artifact directory: config.json, weights.params, tokenizer.json, metrics.json and
 * manifest.json. This is also the bring-your-own-model format: any directory written to this
 * layout, with a correct manifest, loads.
 *
 * @param directory where it lives
 * @param manifest its manifest
 */
public record ModelArtifact(Path directory, ModelManifest manifest) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes a model into a new directory and computes its manifest.
     *
     * @param model the model (its name and version go into the manifest)
     * @param parentVersion the version it was trained from, or null
     * @param metrics training metrics to record (any JSON-serializable values)
     * @param directory a directory that does not exist yet
     * @return the artifact
     * @throws IOException if writing fails
     */
    public static ModelArtifact write(LanguageModel model, String parentVersion, Map<String, ?> metrics,
            Path directory) throws IOException {
        if (Files.exists(directory)) {
            throw new IOException("artifact directory " + directory + " already exists");
        }
        Files.createDirectories(directory);
        JSON.writeValue(directory.resolve(ArtifactFiles.CONFIG).toFile(), model.config());
        model.saveWeights(directory.resolve(ArtifactFiles.WEIGHTS));
        model.tokenizer().save(directory.resolve(ArtifactFiles.TOKENIZER));
        JSON.writeValue(directory.resolve(ArtifactFiles.METRICS).toFile(), metrics);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String file : ArtifactFiles.CHECKSUMMED) {
            sums.put(file, Sha256.of(directory.resolve(file)));
        }
        ModelManifest manifest = new ModelManifest(model.name(), model.version(), parentVersion,
                Instant.now().toString(), sums);
        JSON.writeValue(directory.resolve(ArtifactFiles.MANIFEST).toFile(), manifest);
        return new ModelArtifact(directory, manifest);
    }

    /**
     * Reads an artifact's manifest and verifies every file against it.
     *
     * @param directory the artifact directory
     * @return the verified artifact
     * @throws IOException if a file cannot be read
     * @throws CorruptArtifactException if a checksum differs or a file is missing or extra
     */
    public static ModelArtifact open(Path directory) throws IOException {
        ModelArtifact artifact = unverified(directory);
        artifact.verify();
        return artifact;
    }

    /**
     * Reads an artifact's manifest without checking the files.
     *
     * @param directory the artifact directory
     * @return the artifact, not yet verified
     * @throws IOException if the manifest cannot be read
     */
    public static ModelArtifact unverified(Path directory) throws IOException {
        Path manifestFile = directory.resolve(ArtifactFiles.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new CorruptArtifactException(ArtifactFiles.MANIFEST,
                    "artifact " + directory + ": " + ArtifactFiles.MANIFEST + " is missing");
        }
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new CorruptArtifactException(ArtifactFiles.MANIFEST, "artifact " + directory + ": "
                    + ArtifactFiles.MANIFEST + " is not a valid manifest: " + e.getMessage());
        }
        return new ModelArtifact(directory, manifest);
    }

    /**
     * Recomputes every file's SHA-256 and compares the directory with the manifest.
     *
     * @throws IOException if a file cannot be read
     * @throws CorruptArtifactException naming the first file that is wrong, missing or extra
     */
    public void verify() throws IOException {
        for (String required : ArtifactFiles.CHECKSUMMED) {
            if (!manifest.sha256().containsKey(required)) {
                throw new CorruptArtifactException(required, "artifact " + manifest.version() + ": " + required
                        + " is not listed in " + ArtifactFiles.MANIFEST);
            }
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> present.add(file.getFileName().toString()));
        }
        present.remove(ArtifactFiles.MANIFEST);
        for (Map.Entry<String, String> entry : manifest.sha256().entrySet()) {
            String file = entry.getKey();
            if (!present.remove(file)) {
                throw new CorruptArtifactException(file, "artifact " + manifest.version() + ": " + file
                        + " is listed in " + ArtifactFiles.MANIFEST + " but missing");
            }
            String actual = Sha256.of(directory.resolve(file));
            if (!actual.equals(entry.getValue())) {
                throw new CorruptArtifactException(file, "artifact " + manifest.version() + ": " + file
                        + " has SHA-256 " + actual + " but " + ArtifactFiles.MANIFEST + " says " + entry.getValue());
            }
        }
        if (!present.isEmpty()) {
            String extra = present.stream().sorted().findFirst().orElseThrow();
            throw new CorruptArtifactException(extra, "artifact " + manifest.version() + ": " + extra
                    + " is not listed in " + ArtifactFiles.MANIFEST);
        }
    }

    /**
     * Returns the SHA-256 of manifest.json itself, which registry records carry.
     *
     * @return lower-case hex
     * @throws IOException if the manifest cannot be read
     */
    public String manifestSha256() throws IOException {
        return Sha256.of(directory.resolve(ArtifactFiles.MANIFEST));
    }

    /**
     * Reads the model config.
     *
     * @return the config
     * @throws IOException if it cannot be read
     */
    public GptConfig config() throws IOException {
        return JSON.readValue(directory.resolve(ArtifactFiles.CONFIG).toFile(), GptConfig.class);
    }

    /**
     * Reads the training metrics.
     *
     * @return the metrics as a JSON map
     * @throws IOException if they cannot be read
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metrics() throws IOException {
        return JSON.readValue(directory.resolve(ArtifactFiles.METRICS).toFile(), Map.class);
    }

    /**
     * Loads the model after verifying the files again (they may have changed since opening).
     *
     * @param device where the parameters go
     * @return the model, named and versioned from the manifest
     * @throws IOException if a file cannot be read or the weights do not fit the config
     */
    public LanguageModel load(Device device) throws IOException {
        verify();
        BpeTokenizer tokenizer = BpeTokenizer.load(directory.resolve(ArtifactFiles.TOKENIZER));
        return LanguageModel.load(manifest.modelName(), manifest.version(), config(), tokenizer,
                directory.resolve(ArtifactFiles.WEIGHTS), device);
    }
}
