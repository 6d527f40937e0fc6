package io.kefu.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.kefu.model.LanguageModel;
import io.kefu.model.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemModelStoreTest {

    @TempDir
    Path root;

    @Test
    void shouldLoadASavedVersionThatGivesIdenticalLogits() throws IOException {
        // Given a stored model
        FileSystemModelStore store = new FileSystemModelStore(root);
        try (LanguageModel model = TinyModels.create(16, 3)) {
            ModelArtifact artifact = store.save(model, null, Map.of("evalLoss", 1.5));
            assertThat(artifact.manifest().sha256().keySet())
                    .containsExactly("config.json", "metrics.json", "tokenizer.json", "weights.params");
            // When it is loaded back
            try (LanguageModel loaded = store.load("v1", Device.cpu())) {
                // Then name, version, config and logits are identical
                assertThat(loaded.name()).isEqualTo("tiny");
                assertThat(loaded.version()).isEqualTo("v1");
                assertThat(loaded.config()).isEqualTo(model.config());
                assertThat(logits(loaded)).containsExactly(logits(model));
                assertThat(store.open("v1").metrics()).containsEntry("evalLoss", 1.5);
            }
        }
    }

    @Test
    void shouldRefuseAnArtifactWithOneFlippedByteInTheWeightsNamingTheFile() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        try (LanguageModel model = TinyModels.create(16, 3)) {
            store.save(model, null, Map.of());
        }
        // Given one byte in the middle of weights.params flipped
        Path weights = root.resolve("v1").resolve("weights.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(weights, bytes);
        // When it is loaded, Then the store refuses it and names the file
        assertThatThrownBy(() -> store.load("v1", Device.cpu()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageStartingWith("artifact v1: weights.params has SHA-256 ")
                .hasMessageContaining(" but manifest.json says ")
                .extracting(e -> ((CorruptArtifactException) e).file()).isEqualTo("weights.params");
    }

    @Test
    void shouldRefuseAnArtifactWithAMissingOrAnExtraFile() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        try (LanguageModel model = TinyModels.create(16, 3)) {
            store.save(model, null, Map.of());
            LanguageModel second = model.copyAs("v2", root.resolve("scratch.params"));
            store.save(second, "v1", Map.of());
            second.close();
        }
        Files.delete(root.resolve("scratch.params"));
        Files.delete(root.resolve("v1").resolve("tokenizer.json"));
        Files.writeString(root.resolve("v2").resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> store.open("v1"))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessage("artifact v1: tokenizer.json is listed in manifest.json but missing");
        assertThatThrownBy(() -> store.open("v2"))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessage("artifact v2: notes.txt is not listed in manifest.json");
    }

    @Test
    void shouldListVersionsOldestFirstAndReportTheManifestChecksum() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        try (LanguageModel model = TinyModels.create(16, 3);
                LanguageModel child = model.copyAs("v2", root.resolve("scratch.params"))) {
            store.save(model, null, Map.of());
            ModelArtifact saved = store.save(child, "v1", Map.of());
            assertThat(saved.manifest().parentVersion()).isEqualTo("v1");
            assertThat(store.versions()).containsExactly("v1", "v2");
            assertThat(store.manifestSha256("v2")).isEqualTo(Sha256.of(root.resolve("v2").resolve("manifest.json")))
                    .hasSize(64);
            assertThatThrownBy(() -> store.save(child, "v1", Map.of()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("model version v2 is already stored at " + root.resolve("v2"));
        }
    }

    private static float[] logits(LanguageModel model) {
        try (NDManager manager = model.manager().newSubManager()) {
            return model.block().forward(model.inferenceStore(manager),
                    new NDList(manager.create(new long[][] {{72, 105, 33, 10}})), false).head().toFloatArray();
        }
    }
}
