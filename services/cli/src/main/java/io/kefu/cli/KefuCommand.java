package io.kefu.cli;

import io.kefu.chaos.cli.ChaosCommand;
import io.kefu.kafka.config.ConfigException;
import io.kefu.poison.cli.ChaosPoisonCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code kefu} command; it only lists the subcommands. */
@Command(
    name = "kefu",
    mixinStandardHelpOptions = true,
    version = "kefu 0.1.0",
    description = "Kefu: a Kafka-native smart customer-service engine.%n"
        + "Every service reads settings from defaults, a --config file, KEFU_* environment variables and flags.",
    subcommands = {
        DemoCommand.class,
        PlatformCommand.class,
        ConfigCommand.class,
        RedactCommand.class,
        ReplyServiceCommand.class,
        FeedbackStreamCommand.class,
        FineTunerCommand.class,
        SimulateCommand.class,
        AclsCommand.class,
        DashboardCommand.class,
        CanaryControllerCommand.class,
        ModelsCommand.class,
        TrainBaseCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        ChaosCommand.class,
        CommandLine.HelpCommand.class
    })
public final class KefuCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** A command line with Kefu's error handling: configuration and argument errors print one clear line. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KefuCommand());
    // the poison matrix lives in its own module, beside the process-level proofs of `kefu chaos`
    cli.getSubcommands().get("chaos").addSubcommand(new ChaosPoisonCommand());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
        commandLine.getErr().println("kefu: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
