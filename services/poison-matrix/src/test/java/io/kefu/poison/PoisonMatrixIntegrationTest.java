package io.kefu.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.poison.cases.Outcome;
import io.kefu.poison.cases.PoisonCase;
import io.kefu.poison.cases.PoisonCatalogue;
import io.kefu.poison.cases.Target;
import io.kefu.poison.report.MatrixReport;
import io.kefu.poison.report.OutcomeTable;
import io.kefu.poison.verify.CaseResult;
import io.kefu.poison.verify.Totals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole poison matrix against the real reply service and feedback stream on an embedded broker and registry
 * with a small real model: every case ends exactly as expected, the good inputs around each are answered, nothing
 * is lost or doubled, and neither service restarts.
 */
class PoisonMatrixIntegrationTest {
  @TempDir
  static Path work;

  private static final PoisonCatalogue CATALOGUE = PoisonCatalogue.standard();
  private static MatrixReport report;

  @BeforeAll
  static void runTheMatrix() {
    // Given the standard catalogue, when the matrix runs it once against freshly started services
    report = new PoisonMatrix(MatrixOptions.builder()
        .setWorkDirectory(work)
        .optCatalogue(CATALOGUE)
        .optOutcomeTimeout(Duration.ofSeconds(60))
        .optProgress(System.out)
        .build()).run();
    System.out.print(OutcomeTable.render(report));
  }

  @Test
  void shouldTryAtLeast25PoisonInputsAcrossBothTopics() {
    assertThat(report.cases()).hasSize(CATALOGUE.cases().size()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(report.cases()).extracting(CaseResult::topic).contains("customer-messages", "feedback");
  }

  @Test
  void shouldEndEveryCaseInExactlyItsExpectedOutcome() {
    Map<String, PoisonCase> byName = CATALOGUE.cases().stream()
        .collect(Collectors.toMap(PoisonCase::name, Function.identity()));
    for (CaseResult result : report.cases()) {
      PoisonCase expected = byName.get(result.name());
      assertThat(result.expected()).isEqualTo(expected.expected().label());
      if (expected.expected().outcome() == Outcome.ANSWERED) {
        assertThat(result.actual()).as(result.name()).matches("REPLY|HANDOFF [A-Z_]+");
      } else if (expected.expected().outcome() == Outcome.TRAINING_EXAMPLE) {
        assertThat(result.actual()).as(result.name()).isEqualTo("EXAMPLE");
      } else {
        assertThat(result.actual()).as(result.name()).isEqualTo(expected.expected().label());
      }
      assertThat(result.problems()).as(result.name()).isEmpty();
    }
  }

  @Test
  void shouldLoseAndDoubleNothingAndWriteExactlyTheExpectedOutputs() {
    Totals t = report.totals();
    long dlqCases = CATALOGUE.cases().stream().filter(c -> c.expected().outcome() == Outcome.DLQ).count();
    long answeredCases = CATALOGUE.cases().stream()
        .filter(c -> c.expected().outcome() == Outcome.ANSWERED || c.expected().outcome() == Outcome.HANDOFF).count();
    long exampleCases = CATALOGUE.cases().stream()
        .filter(c -> c.expected().outcome() == Outcome.TRAINING_EXAMPLE).count();
    int cases = CATALOGUE.cases().size();
    long messageCases = CATALOGUE.on(Target.CUSTOMER_MESSAGES).size();
    long goodMessages = t.goodMessages();
    long goodRatings = 2L * (cases - messageCases);

    assertThat(goodMessages).isGreaterThanOrEqualTo(2 * messageCases);
    assertThat(t.goodRatings()).isEqualTo(goodRatings);
    assertThat(t.inputsTried()).isEqualTo(cases);
    assertThat(t.recordsIn()).isEqualTo(goodMessages + goodRatings + cases);
    assertThat(t.deadLetters()).isEqualTo(dlqCases);
    assertThat(t.replies()).isEqualTo(goodMessages + answeredCases);
    assertThat(t.examples()).isEqualTo(goodRatings + exampleCases);
    assertThat(t.recordsOut()).isEqualTo(t.replies() + t.deadLetters() + t.examples());
    assertThat(t.lost()).isZero();
    assertThat(t.duplicated()).isZero();
  }

  @Test
  void shouldNeverRestartEitherService() {
    assertThat(report.liveness().replySameInstance()).isTrue();
    assertThat(report.liveness().replyLoopThreadSame()).isTrue();
    assertThat(report.liveness().replyNotLiveSamples()).isZero();
    assertThat(report.liveness().replyAbortedTransactions()).isZero();
    assertThat(report.liveness().streamStatesSeen()).isEqualTo(List.of("RUNNING"));
    assertThat(report.liveness().streamThreadsSame()).isTrue();
    assertThat(report.liveness().streamHandlerSkips()).isZero();
    assertThat(report.passed()).isTrue();
  }
}
