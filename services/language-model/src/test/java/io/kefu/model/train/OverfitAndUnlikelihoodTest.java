package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.GenerationResult;
import io.kefu.model.generate.Generator;
import io.kefu.model.generate.StopReason;
import io.kefu.model.testing.OverfitFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class OverfitAndUnlikelihoodTest {

    @Test
    void shouldMemoriseAHandfulOfRepliesAndGenerateThemExactlyWithGreedyDecoding() {
        // Given a tiny model trained on five conversations
        LanguageModel model = OverfitFixture.shared();
        Generator generator = new Generator(model);
        for (ReplyExample example : OverfitFixture.EXAMPLES) {
            // When it answers each conversation greedily
            GenerationResult result = generator.generate(
                    GenerationRequest.greedy(example.context(), example.message(), 40));
            // Then it writes the memorised reply and stops at <|end|>
            assertThat(result.text()).isEqualTo(example.reply());
            assertThat(result.stopReason()).isEqualTo(StopReason.END_TOKEN);
            assertThat(result.modelVersion()).isEqualTo(model.version());
            assertThat(result.meanLogProb()).isGreaterThan(-0.5);
        }
    }

    @Test
    void shouldLowerTheProbabilityOfANegativeReplyWithTheUnlikelihoodTerm(@TempDir Path dir) throws IOException {
        try (LanguageModel model = OverfitFixture.shared().copyAs("v1-copy", dir.resolve("weights.params"))) {
            // Given a memorised reply and its loss (mean -log p per reply token)
            ReplyExample memorised = OverfitFixture.EXAMPLES.get(1);
            float before = ModelTrainer.evaluationLoss(model, List.of(memorised));
            // When a short run sees it as a negative example (weight -1)
            ReplyExample negative = new ReplyExample(memorised.context(), memorised.message(), memorised.reply(), -1f);
            TrainingOptions options = TrainingOptions.defaults(10).withBatchSize(1).withLearningRate(3e-3f, 3e-3f);
            new ModelTrainer(options, null).train(model, List.of(negative), List.of());
            // Then the reply is clearly less probable than before
            float after = ModelTrainer.evaluationLoss(model, List.of(memorised));
            assertThat(after).isGreaterThan(before + 1f);
        }
    }
}
