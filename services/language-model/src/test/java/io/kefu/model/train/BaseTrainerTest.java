package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.kefu.model.ComputeDevice;
import io.kefu.model.LanguageModel;
import io.kefu.model.bench.EvalReport;
import io.kefu.model.bench.Evaluator;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.testing.TinyCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseTrainerTest {

    @Test
    void shouldLearnATinyCorpusSaveAVerifiedArtifactAndAnswerHeldOutConversations(@TempDir Path store)
            throws IOException {
        // Given a tiny corpus and a tiny model size
        BaseTrainingOptions options = new BaseTrainingOptions(store, "kefu-test", "base-t", 400, 40, 200, 96, 2, 2,
                48, 260, 16, 3e-3f, 0f, 0.01f, Duration.ofMinutes(5), 5, ComputeDevice.CPU);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // When the base trainer runs
        BaseTrainer.Result result = BaseTrainer.train(options, TinyCorpus.examples(400, 1),
                TinyCorpus.examples(40, 2), new PrintStream(log, true, StandardCharsets.UTF_8));
        try (LanguageModel trained = result.model()) {
            // Then it trained every planned step and learned to answer held-out numbers and intents
            assertThat(result.metrics().steps()).isEqualTo(260);
            assertThat(result.metrics().evalLoss()).isLessThan(result.metrics().firstLoss());
            EvalReport report = Evaluator.evaluate(trained, TinyCorpus.cases(40, 3), TinyCorpus.judge());
            assertThat(report.perLocale()).extracting(EvalReport.Row::locale).containsExactly("EN", "ZH");
            assertThat(report.overall().conversations()).isEqualTo(40);
            assertThat(report.overall().addressedPercent()).isGreaterThanOrEqualTo(90.0);
            assertThat(report.overall().endsProperlyPercent()).isGreaterThanOrEqualTo(90.0);
        }
        // And the saved artifact verifies, loads and records its training metrics
        FileSystemModelStore saved = new FileSystemModelStore(store);
        assertThat(saved.versions()).containsExactly("base-t");
        try (LanguageModel loaded = saved.load("base-t", Device.cpu())) {
            assertThat(loaded.name()).isEqualTo("kefu-test");
        }
        Map<String, Object> metrics = saved.open("base-t").metrics();
        assertThat(metrics).containsEntry("kind", "base").containsKey("training");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("train base-t [").contains("saved kefu-test@base-t");
    }
}
