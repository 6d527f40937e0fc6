package io.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KefuCommandTest {

  @Test
  void shouldDocumentEverySubcommandInTheTopLevelHelp() {
    CommandLine cli = KefuCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("--help");

    assertThat(exit).isZero();
    for (String name : cli.getSubcommands().keySet()) {
      assertThat(out.toString()).as("top-level help lists " + name).contains("  " + name);
    }
  }

  @Test
  void shouldGiveEverySubcommandItsOwnHelpWithADescription() {
    for (var entry : KefuCommand.commandLine().getSubcommands().entrySet()) {
      if (entry.getKey().equals("help")) {
        continue;
      }
      CommandLine cli = KefuCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      CommandLine sub = cli.getSubcommands().get(entry.getKey());
      int exit = cli.execute(entry.getKey(), "--help");
      assertThat(err.toString()).as(entry.getKey() + " --help errors").isEmpty();
      assertThat(exit).as(entry.getKey() + " --help exit code").isZero();
      assertThat(out.toString()).as(entry.getKey() + " --help").contains("Usage: kefu " + entry.getKey());
      assertThat(sub.getCommandSpec().usageMessage().description()).as(entry.getKey() + " description").isNotEmpty();
    }
  }

  @Test
  void shouldGiveEveryNestedCommandOfBenchAndChaosItsOwnHelp() {
    // Given the groups and the commands each must hold
    var expected = Map.of(
        "bench", List.of("generate", "flywheel", "load"),
        "chaos", List.of("crash", "zombie", "broker-restart", "backlog", "poison"));
    for (var group : expected.entrySet()) {
      assertThat(KefuCommand.commandLine().getSubcommands().get(group.getKey()).getSubcommands().keySet())
          .as(group.getKey() + " commands").containsAll(group.getValue());
      for (String name : group.getValue()) {
        // When each is asked for help, Then it answers with its usage and no error
        CommandLine cli = KefuCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(group.getKey(), name, "--help");
        assertThat(err.toString()).as(group.getKey() + " " + name + " --help errors").isEmpty();
        assertThat(exit).as(group.getKey() + " " + name + " --help exit code").isZero();
        assertThat(out.toString()).contains("Usage: kefu " + group.getKey() + " " + name);
      }
    }
  }

  @Test
  void shouldRefuseAnUnknownSettingWithOneClearLineAndExitCode2() {
    CommandLine cli = KefuCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("config", "--set", "reply.bacth.max=3");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("kefu: unknown setting 'reply.bacth.max' from command line");
  }
}
