package io.kefu.chaos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kefu chaos}: groups the fault-injection proofs; each prints a table and, with --json FILE, writes it. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    header = "Fault-injection proofs of exactly-once (each prints a table; --json FILE writes the figures).",
    description = {"Run Kefu's services as separate OS processes against an embedded broker and registry, inject",
        "faults (SIGKILL, SIGSTOP, broker restart, backlog) under load, and check with a read_committed consumer that",
        "every message is answered exactly once and in order. Exits 1 when anything was lost, duplicated or reordered."},
    subcommands = {CrashCommand.class, ZombieCommand.class, BrokerRestartCommand.class, BacklogCommand.class})
public final class ChaosCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
