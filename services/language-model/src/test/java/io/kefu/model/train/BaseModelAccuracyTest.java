package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.kefu.corpus.Split;
import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.bench.EvalReport;
import io.kefu.model.bench.Evaluator;
import io.kefu.model.bench.SeedJudge;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The long accuracy run: {@code mvn test -Dkefu.lm.accuracy=true -Dtest=BaseModelAccuracyTest} (about 8 minutes). */
@EnabledIfSystemProperty(named = "kefu.lm.accuracy", matches = "true")
class BaseModelAccuracyTest {

    @Test
    void shouldTrainTheDefaultBaseModelWithinEightMinutesAndAnswerHeldOutConversationsWell(@TempDir Path store)
            throws IOException {
        // Given the default base-training options
        BaseTrainingOptions options = BaseTrainingOptions.defaults(store);
        long start = System.nanoTime();
        // When the base model is trained on the seed corpus
        BaseTrainer.Result result = BaseTrainer.trainFromSeedCorpus(options, System.err);
        double seconds = (System.nanoTime() - start) / 1e9;
        try (LanguageModel model = result.model()) {
            PyTorchRuntime.setIntraOpThreads(1);
            EvalReport seenPhrasings = Evaluator.evaluate(model, SeedJudge.cases(Split.TRAIN, 400, 99),
                    new SeedJudge());
            Evaluator.printTable(seenPhrasings, System.out);
            EvalReport heldOut = Evaluator.evaluateHeldOut(model, 400, 7);
            Evaluator.printTable(heldOut, System.out);
            System.out.printf("train-base took %.1f s%n", seconds);
            // Then it trained within 8 minutes and, greedily, addresses >= 90% and ends >= 98% in each language
            assertThat(heldOut.perLocale()).extracting(EvalReport.Row::locale).containsExactly("EN", "ZH");
            assertSoftly(soft -> {
                soft.assertThat(seconds).as("train-base seconds").isLessThan(480);
                for (EvalReport.Row row : heldOut.perLocale()) {
                    soft.assertThat(row.addressedPercent()).as("held-out addressed %% in %s", row.locale())
                            .isGreaterThanOrEqualTo(90.0);
                    soft.assertThat(row.endsProperlyPercent()).as("held-out ends properly %% in %s", row.locale())
                            .isGreaterThanOrEqualTo(98.0);
                }
            });
        }
    }
}
