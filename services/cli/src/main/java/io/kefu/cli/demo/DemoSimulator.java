package io.kefu.cli.demo;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.simulator.SimulatorService;
import io.kefu.simulator.SimulatorSettings;
import java.util.Map;
import java.util.function.Consumer;

/** Starts the simulated customers, the demo's only source of traffic and ratings. */
final class DemoSimulator {
  private DemoSimulator() {}

  /**
   * Starts the simulator; unless {@code simulator.messages} was set, it talks until the demo stops, since the
   * setting's default (one finite simulation) would leave the dashboard without live traffic after a few minutes.
   */
  static void start(KefuConfig config, RunningParts parts, Consumer<String> progress) {
    KefuConfig endless = "default".equals(config.origin(SimulatorSettings.MESSAGES))
        ? config.with(Map.of(SimulatorSettings.MESSAGES, "0"))
        : config;
    progress.accept("starting simulated customers (" + messages(endless) + ")");
    SimulatorService simulator = SimulatorService.fromConfig(endless, System.err);
    simulator.start();
    parts.started("customer simulator", simulator::stop);
  }

  private static String messages(KefuConfig config) {
    long count = config.getLong(SimulatorSettings.MESSAGES);
    return (count == 0 ? "until stopped" : count + " messages") + " at "
        + config.get(SimulatorSettings.RATE) + " per second";
  }
}
