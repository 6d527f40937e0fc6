package io.kefu.cli;

import io.kefu.simulator.SimulatorService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs simulated customers: held-out conversations at a rate, rated by a hidden preference. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    header = "Simulate customers: send conversations, rate replies by a hidden preference.",
    description = {"Act as a chat platform: produce CustomerMessage records from the seed corpus's held-out phrasings",
        "(English and Chinese) at simulator.rate, read the replies (read_committed) and rate them the way a",
        "population with a hidden preference would (simulator.preference.*: 5 when the reply names the order and a",
        "concrete next step, 2 when vague, 1 when wrong), with simulator.noise. The model never sees the preference."})
public final class SimulateCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SimulatorService simulator = SimulatorService.fromConfig(connection.load(), System.err);
    return ServiceRunner.runUntilShutdown("simulate", new ServiceRunner.Service() {
      @Override
      public void start() {
        simulator.start();
      }

      @Override
      public void stop() {
        simulator.stop();
      }
    }, () -> "simulating " + simulator.plan(), spec.commandLine().getOut());
  }
}
