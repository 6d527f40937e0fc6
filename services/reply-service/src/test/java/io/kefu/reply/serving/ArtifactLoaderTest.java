package io.kefu.reply.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.lifecycle.ModelVersionRecords;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.ArtifactFiles;
import io.kefu.model.store.CorruptArtifactException;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.reply.testing.TinyModelStore;
import io.kefu.reply.testing.TinyReplyModel;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactLoaderTest {
  @TempDir Path temp;

  private static ModelVersion record(String version, String artifactUri, String manifestSha256) {
    return ModelVersionRecords.first("kefu", version, ModelStatus.ACTIVE, null, artifactUri, manifestSha256, Map.of(),
        Map.of(), "test", Instant.parse("2024-05-01T10:00:00Z"));
  }

  private static ModelVersion record(ModelArtifact artifact) throws IOException {
    return record(artifact.manifest().version(), artifact.directory().toUri().toString(), artifact.manifestSha256());
  }

  private static ArtifactLoader loader(Path store) throws IOException {
    return new ArtifactLoader(new FileSystemModelStore(store), Device.cpu());
  }

  @Test
  void shouldLoadAStoredArtifactWhoseFilesAndManifestMatchItsRecord() throws IOException {
    // Given a version in the store and the record the fine-tuner wrote for it
    ModelArtifact artifact = TinyModelStore.save(temp.resolve("store"), TinyReplyModel.shared(), "v7");

    // When it is loaded
    try (LanguageModel model = loader(temp.resolve("store")).load(record(artifact))) {
      // Then it is that version, with the stored shape
      assertThat(model.version()).isEqualTo("v7");
      assertThat(model.config()).isEqualTo(TinyReplyModel.shared().config());
    }
  }

  @Test
  void shouldRefuseAnArtifactWithOneFlippedByteInItsWeightsNamingTheFile() throws IOException {
    // Given a stored version whose weights file has one byte flipped after it was registered
    ModelArtifact artifact = TinyModelStore.save(temp.resolve("store"), TinyReplyModel.shared(), "v7");
    ModelVersion record = record(artifact);
    TinyModelStore.flipByte(artifact.directory().resolve(ArtifactFiles.WEIGHTS));

    // When it is loaded, then it is refused, naming the weights file and its checksum
    assertThatThrownBy(() -> loader(temp.resolve("store")).load(record))
        .isInstanceOfSatisfying(CorruptArtifactException.class, e -> assertThat(e.file()).isEqualTo("weights.params"))
        .hasMessageStartingWith("artifact v7: weights.params has SHA-256 ")
        .hasMessageContaining(" but manifest.json says " + artifact.manifest().sha256().get("weights.params"));
  }

  @Test
  void shouldRefuseAnArtifactReplacedTogetherWithItsManifestNamingTheManifest() throws IOException {
    // Given the record of v7 as first stored, and a store where v7 was replaced by other weights with a manifest
    // that matches them
    ModelVersion original = record(TinyModelStore.save(temp.resolve("first"), TinyReplyModel.shared(), "v7"));
    ModelArtifact replaced = TinyModelStore.save(temp.resolve("store"), TinyReplyModel.secondVersion(), "v7");

    // When v7 is loaded from that store, then it is refused because the manifest differs from the record
    assertThatThrownBy(() -> loader(temp.resolve("store")).load(original))
        .isInstanceOfSatisfying(CorruptArtifactException.class, e -> assertThat(e.file()).isEqualTo("manifest.json"))
        .hasMessage("artifact v7: manifest.json has SHA-256 " + replaced.manifestSha256()
            + " but the model-versions record says " + original.getManifestSha256());
  }

  @Test
  void shouldLoadAnArtifactFromItsUriWhenTheStoreDoesNotHoldIt() throws IOException {
    // Given a version stored elsewhere than the loader's store
    ModelArtifact elsewhere = TinyModelStore.save(temp.resolve("elsewhere"), TinyReplyModel.shared(), "v8");

    // When it is loaded, then it comes from its artifactUri
    try (LanguageModel model = loader(temp.resolve("store")).load(record(elsewhere))) {
      assertThat(model.version()).isEqualTo("v8");
    }
  }

  @Test
  void shouldNameTheStoreAndTheUriWhenTheArtifactIsInNeither() throws IOException {
    // Given a record whose artifact is in neither place
    ModelVersion record = record("v9", temp.resolve("gone").toUri().toString(), "ab".repeat(32));

    // When it is loaded, then both places are named
    Path inStore = temp.resolve("store").resolve("v9");
    assertThatThrownBy(() -> loader(temp.resolve("store")).load(record))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("the artifact of kefu:v9 is neither in the model store at " + inStore
            + " nor at its artifactUri " + temp.resolve("gone").toUri());
  }
}
