package io.kefu.cli.demo;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.simulator.SimulatorService;
import java.util.function.Consumer;

/** Starts the simulated customers, the demo's only source of traffic and ratings. */
final class DemoSimulator {
  private DemoSimulator() {}

  static void start(KefuConfig config, RunningParts parts, Consumer<String> progress) {
    progress.accept("starting simulated customers");
    SimulatorService simulator = SimulatorService.fromConfig(config, System.err);
    simulator.start();
    parts.started("customer simulator", simulator::stop);
  }
}
