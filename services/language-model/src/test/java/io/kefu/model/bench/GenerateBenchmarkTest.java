package io.kefu.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.model.testing.OverfitFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateBenchmarkTest {

    @Test
    void shouldMeasureEveryFigureAndGenerateTheSameTokensSequentiallyAndBatched() {
        // Given small measurement settings
        BenchOptions options = new BenchOptions(null, 6, 8, List.of(3), List.of(4, 16), 2, 64, 0);
        // When the benchmark runs on a trained tiny model
        BenchResult result = GenerateBenchmark.run(OverfitFixture.shared(), options);
        // Then batched generation produced exactly the tokens sequential generation did
        assertThat(result.sequential().conversations()).isEqualTo(6);
        // And sequential is the faster of its two ways to run, the other one recorded next to it
        assertThat(result.sequentialPath()).isIn("plain loop", "engine with 1 slot");
        assertThat(result.sequential().tokensPerSecond()).isGreaterThanOrEqualTo(
                result.slowerSequentialTokensPerSecond());
        assertThat(result.batched()).singleElement().satisfies(row -> {
            assertThat(row.concurrency()).isEqualTo(3);
            assertThat(row.conversations()).isEqualTo(6);
            assertThat(row.tokens()).isEqualTo(result.sequential().tokens());
            assertThat(row.p99LatencyMillis()).isGreaterThanOrEqualTo(row.p50LatencyMillis());
        });
        assertThat(result.steps()).extracting(BenchResult.StepTiming::position).containsExactly(4, 16);
        assertThat(result.decodeGflops()).isPositive();
        assertThat(result.matmulGflops()).isPositive();
        // And the table and the JSON carry the same figures
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        GenerateBenchmark.printTable(result, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("sequential").contains("batch 3")
                .contains("cached step growth").contains("load average")
                .contains("sequential: the " + result.sequentialPath());
        assertThat(GenerateBenchmark.toJson(result)).contains("\"tokensPerSecond\"").contains("\"cachedMillis\"")
                .contains("\"matmulGflops\"")
                .contains("\"loadAverageBefore\"").contains("\"prefillShare\"");
    }
}
