package io.kefu.loadbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One low rate, briefly, through the real reply service on an embedded broker with a small model trained first. */
class LoadBenchmarkIntegrationTest {

  @TempDir Path work;

  @Test
  @Timeout(180)
  void shouldAnswerEveryMessageExactlyOnceAndReportOrderedPercentilesAtALowRate() throws Exception {
    // Given a small model trained for a few seconds and a load of 20 messages/s over 40 conversations
    LoadOptions options = LoadOptions.builder()
        .optRates(List.of(20))
        .optWarmup(Duration.ofSeconds(2))
        .optSeconds(Duration.ofSeconds(4))
        .optSmallTrainingBudget(Duration.ofSeconds(8))
        .optConversations(40)
        .optMaxNewTokens(24)
        .optDrainTimeout(Duration.ofSeconds(60))
        .optWorkDirectory(work)
        .build();

    // When the benchmark runs
    LoadResult result = new LoadBenchmark(options, new PrintStream(System.err, true, StandardCharsets.UTF_8)).run();

    // Then every message sent was answered exactly once
    assertThat(result.sent()).isEqualTo(6 * 20);
    assertThat(result.answered()).isEqualTo(result.sent());
    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(result.unknown()).isZero();

    // And the measured window counts exactly the messages sent in it, each answered once
    assertThat(result.rates()).hasSize(1);
    RateResult rate = result.rates().get(0);
    assertThat(rate.targetRate()).isEqualTo(20);
    assertThat(rate.latency().sent()).isEqualTo(4 * 20);
    assertThat(rate.latency().answered()).isEqualTo(rate.latency().sent());
    assertThat(rate.unanswered()).isZero();
    assertThat(rate.abortedTransactions()).isZero();

    // And the percentiles are ordered, the model time and the overhead each within the end-to-end latency
    LatencyFigures l = rate.latency();
    assertThat(l.endToEnd().p50()).isPositive().isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.model().p50()).isPositive().isLessThanOrEqualTo(l.model().p99());
    assertThat(l.overhead().p50()).isPositive().isLessThanOrEqualTo(l.overhead().p99());
    assertThat(l.overhead().p99()).isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.model().p99()).isLessThanOrEqualTo(l.endToEnd().p99());
    assertThat(l.untimed()).isZero();

    // And the report prints the row and the exactly-once line
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadReport.printTable(result, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("exactly once: 120 sent, 120 answered, 0 lost, 0 duplicated, 0 unknown")
        .containsPattern("(?m)^20 +20 ");
    assertThat(LoadReport.toJson(result)).contains("\"targetRate\" : 20");
  }
}
