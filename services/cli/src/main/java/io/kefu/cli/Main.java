package io.kefu.cli;

import picocli.CommandLine;

/** Entry point of the {@code kefu} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KefuCommand.commandLine().execute(args));
  }
}
