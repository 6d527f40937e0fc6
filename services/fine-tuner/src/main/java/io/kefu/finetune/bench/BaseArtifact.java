package io.kefu.finetune.bench;

import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the base model in a model store and copies its artifact into another store, verified. */
final class BaseArtifact {
  private BaseArtifact() {}

  /** The newest version in the store at {@code directory} whose metrics say {@code kind: base}. */
  static String newestBase(Path directory) throws IOException {
    FileSystemModelStore store = new FileSystemModelStore(directory);
    List<String> versions = store.versions();
    for (int i = versions.size() - 1; i >= 0; i--) {
      ModelArtifact artifact = ModelArtifact.unverified(store.directory(versions.get(i)));
      if ("base".equals(artifact.metrics().get("kind"))) {
        return versions.get(i);
      }
    }
    throw new IOException("the model store " + directory + " holds no base model (metrics kind 'base') among "
        + versions + "; train one with kefu train-base");
  }

  /** Copies version {@code version} of {@code from} into {@code to} and returns the copy, verified. */
  static ModelArtifact copy(FileSystemModelStore from, String version, FileSystemModelStore to) throws IOException {
    ModelArtifact source = from.open(version);
    Path target = to.directory(version);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source.directory())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return to.open(version);
  }
}
