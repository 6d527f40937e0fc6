package io.kefu.model.store;

import io.kefu.model.LanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link ModelStore} in a directory: one sub-directory per version. A version is written under a
 * temporary name and renamed into place, so readers never see half an artifact.
 */
public final class FileSystemModelStore implements ModelStore {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String TEMP_PREFIX = ".incoming-";

    private final Path root;

    /**
     * Opens (creating if needed) a store.
     *
     * @param root the store directory
     * @throws IOException if it cannot be created
     */
    public FileSystemModelStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /**
     * Returns the directory a version lives in.
     *
     * @param version the version
     * @return its directory
     */
    public Path directory(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must match " + VERSION.pattern() + ", was '" + version + "'");
        }
        return root.resolve(version);
    }

    @Override
    public ModelArtifact save(LanguageModel model, String parentVersion, Map<String, ?> metrics) throws IOException {
        Path target = directory(model.version());
        if (Files.exists(target)) {
            throw new IOException("model version " + model.version() + " is already stored at " + target);
        }
        Path temp = root.resolve(TEMP_PREFIX + model.version() + "-" + UUID.randomUUID());
        ModelArtifact written = ModelArtifact.write(model, parentVersion, metrics, temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return new ModelArtifact(target, written.manifest());
    }

    @Override
    public List<String> versions() throws IOException {
        List<ModelArtifact> artifacts = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && !name.startsWith(".")
                        && Files.isRegularFile(dir.resolve(ArtifactFiles.MANIFEST))) {
                    artifacts.add(ModelArtifact.unverified(dir));
                }
            }
        }
        artifacts.sort(Comparator.comparing((ModelArtifact a) -> a.manifest().createdAt())
                .thenComparing(a -> a.manifest().version()));
        return artifacts.stream().map(a -> a.manifest().version()).toList();
    }

    @Override
    public ModelArtifact open(String version) throws IOException {
        Path dir = directory(version);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "model version " + version + " is not stored");
        }
        return ModelArtifact.open(dir);
    }

    @Override
    public String manifestSha256(String version) throws IOException {
        return open(version).manifestSha256();
    }
}
