package io.kefu.reply.serving;

import ai.djl.Device;
import io.kefu.contract.ModelVersion;
import io.kefu.lifecycle.ModelVersionKey;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.ArtifactFiles;
import io.kefu.model.store.CorruptArtifactException;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads the model a model-versions record names, verified twice over: every file against the artifact's SHA-256
 * manifest, and the manifest itself against the SHA-256 the record carries, so that neither a damaged file nor an
 * artifact rewritten together with its manifest is served.
 *
 * <p>The artifact is looked up in the model store first ({@code <store>/<version>}), then at the record's
 * {@code artifactUri} when that is a {@code file:} URI.
 */
public final class ArtifactLoader {
  private final FileSystemModelStore store;
  private final Device device;

  /** A loader reading from {@code store} and placing models on {@code device}. */
  public ArtifactLoader(FileSystemModelStore store, Device device) {
    this.store = Objects.requireNonNull(store, "store");
    this.device = Objects.requireNonNull(device, "device");
  }

  /**
   * Loads the model of {@code record}; the caller closes it.
   *
   * @throws CorruptArtifactException naming the file when the artifact does not match its manifest, or the manifest
   *     does not match the record
   * @throws IOException when the artifact cannot be found or read, or its weights do not fit its config
   */
  public LanguageModel load(ModelVersion record) throws IOException {
    return open(record).load(device); // verifies the files again just before reading them
  }

  /**
   * Opens the artifact of {@code record} and verifies it without loading the model.
   *
   * @throws CorruptArtifactException naming the file that does not match
   * @throws IOException when the artifact cannot be found or read
   */
  public ModelArtifact open(ModelVersion record) throws IOException {
    Path directory = locate(record);
    ModelArtifact artifact = ModelArtifact.open(directory);
    if (!artifact.manifest().version().equals(record.getVersion())) {
      throw new CorruptArtifactException(ArtifactFiles.MANIFEST, "artifact at " + directory + ": "
          + ArtifactFiles.MANIFEST + " names version " + artifact.manifest().version() + " but the model-versions"
          + " record is for " + record.getVersion());
    }
    String manifestSha256 = artifact.manifestSha256();
    if (!manifestSha256.equalsIgnoreCase(record.getManifestSha256())) {
      throw new CorruptArtifactException(ArtifactFiles.MANIFEST, "artifact " + record.getVersion() + ": "
          + ArtifactFiles.MANIFEST + " has SHA-256 " + manifestSha256 + " but the model-versions record says "
          + record.getManifestSha256());
    }
    return artifact;
  }

  /** The directory holding the artifact of {@code record}. */
  Path locate(ModelVersion record) throws NoSuchFileException {
    Path inStore = store.directory(record.getVersion());
    if (Files.isDirectory(inStore)) {
      return inStore;
    }
    Optional<Path> atUri = fileUri(record.getArtifactUri()).filter(Files::isDirectory);
    if (atUri.isPresent()) {
      return atUri.get();
    }
    throw new NoSuchFileException(inStore.toString(), null, "the artifact of " + ModelVersionKey.of(record)
        + " is neither in the model store at " + inStore + " nor at its artifactUri " + record.getArtifactUri());
  }

  private static Optional<Path> fileUri(String artifactUri) {
    if (artifactUri == null || !artifactUri.startsWith("file:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(URI.create(artifactUri)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a usable file URI: only the store location is left, and locate() says so
    }
  }
}
