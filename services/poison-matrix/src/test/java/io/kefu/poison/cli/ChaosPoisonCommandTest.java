package io.kefu.poison.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.poison.cases.PoisonCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChaosPoisonCommandTest {

  @Test
  void shouldListEveryCaseWithItsTopicAndExpectedOutcomeWithoutStartingAnything() {
    // Given the command with its output captured
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new ChaosPoisonCommand()).setOut(new PrintWriter(out));

    // When it is asked for the list
    int exit = cli.execute("--list");

    // Then every case is listed on its own line, and it exits 0
    assertThat(exit).isZero();
    assertThat(out.toString().lines()).hasSize(PoisonCatalogue.standard().cases().size());
    assertThat(out.toString()).containsPattern("random-bytes +customer-messages +DLQ WRONG_MAGIC_BYTE")
        .containsPattern("rating-6 +feedback +DLQ RATING_OUT_OF_RANGE");
  }

  @Test
  void shouldRefuseACaseNameNoCaseHasWithAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ChaosPoisonCommand()).setErr(new PrintWriter(err));

    int exit = cli.execute("--case", "rating-0,no-such-case", "--list");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--case: no poison case is named [no-such-case] (see --list)");
  }
}
