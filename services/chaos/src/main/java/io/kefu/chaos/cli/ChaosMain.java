package io.kefu.chaos.cli;

import picocli.CommandLine;

/** Runs {@link ChaosCommand} on its own ({@code java -cp ... io.kefu.chaos.cli.ChaosMain crash}). */
public final class ChaosMain {
  private ChaosMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosCommand()).execute(args));
  }
}
