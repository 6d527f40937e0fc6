package io.kefu.chaos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChaosCommandTest {

  @Test
  void shouldListTheFourScenariosInItsUsage() {
    // Given the chaos command
    CommandLine cli = new CommandLine(new ChaosCommand());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    // When it runs without a subcommand
    int exit = cli.execute();

    // Then it prints its usage naming every scenario
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("crash", "zombie", "broker-restart", "backlog");
  }

  @Test
  void shouldDefaultTheCrashCommandToTheLongRunOfTheIssue() {
    // Given the crash subcommand with no options
    CommandLine.ParseResult parsed = new CommandLine(new ChaosCommand()).parseArgs("crash");

    // When its options are read
    CrashCommand crash = (CrashCommand) parsed.subcommand().commandSpec().userObject();

    // Then they are 20,000 messages over 500 conversations with 5 kills of the reply service
    assertThat(crash.messages).isEqualTo(20_000);
    assertThat(crash.conversations).isEqualTo(500);
    assertThat(crash.kills).isEqualTo(5);
    assertThat(crash.service).isEqualTo("reply");
    assertThat(crash.run.json).isNull();
  }

  @Test
  void shouldDefaultTheBacklogCommandTo50000MessagesSentAsFastAsPossible() {
    // Given the backlog subcommand with a JSON file
    CommandLine.ParseResult parsed = new CommandLine(new ChaosCommand())
        .parseArgs("backlog", "--json", "out/backlog.json", "--seed", "7");

    // When its options are read
    BacklogCommand backlog = (BacklogCommand) parsed.subcommand().commandSpec().userObject();

    // Then the backlog is 50,000 messages, and the shared options are taken
    assertThat(backlog.messages).isEqualTo(50_000);
    assertThat(backlog.run.json).isEqualTo(Path.of("out/backlog.json"));
    assertThat(backlog.run.seed).isEqualTo(7);
    assertThat(backlog.run.modelStore()).isEqualTo(Path.of("data/chaos/model-store"));
  }
}
