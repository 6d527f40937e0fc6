package io.kefu.cli;

import io.kefu.loadbench.cli.BenchLoadCommand;
import picocli.CommandLine.Command;

/** Groups the benchmarks; each prints a table and, with --json FILE, writes the same figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Benchmarks (each prints a table; --json FILE writes the figures).",
    description = "Run one of Kefu's benchmarks; figures are ratios measured within one run on this machine.",
    subcommands = {BenchGenerateCommand.class, BenchFlywheelCommand.class, BenchLoadCommand.class})
public final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
