package io.kefu.chaos.cli;

import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.env.SmallBaseModel;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.report.ResultJson;
import io.kefu.chaos.report.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one scenario for a command: run directory, small model, environment; prints the table and writes JSON. */
final class ScenarioRunner {
  private ScenarioRunner() {}

  /** A scenario given its environment and model store. */
  interface Scenario {
    ChaosResult run(ChaosEnvironment env, Path modelStore) throws Exception;
  }

  /** A named scenario of a command, run on {@code brokers} brokers (1: in-process; more: a cluster of processes). */
  record Named(String name, Scenario scenario, int brokers) {
    Named(String name, Scenario scenario) {
      this(name, scenario, 1);
    }
  }

  /** Runs {@code scenario}; returns 0 when it passed and 1 when anything was lost, duplicated or out of order. */
  static int run(RunOptions options, String name, Scenario scenario, PrintWriter out) throws Exception {
    return runAll(options, List.of(new Named(name, scenario)), out);
  }

  /** Runs {@code scenario} on {@code brokers} brokers; see {@link #run(RunOptions, String, Scenario, PrintWriter)}. */
  static int run(RunOptions options, String name, int brokers, Scenario scenario, PrintWriter out) throws Exception {
    return runAll(options, List.of(new Named(name, scenario, brokers)), out);
  }

  /**
   * Runs each scenario in its own run directory and environment, then prints one table of all their results and
   * writes them as JSON; returns 0 when all passed and 1 otherwise.
   */
  static int runAll(RunOptions options, List<Named> scenarios, PrintWriter out) throws Exception {
    Path store = options.modelStore().toAbsolutePath();
    out.printf("kefu chaos: small base model in %s%n", store);
    out.flush();
    SmallBaseModel.ensureStored(store, System.err);
    List<ChaosResult> results = new ArrayList<>();
    for (Named scenario : scenarios) {
      Path run = ChaosEnvironment.newRunDirectory(options.runParent.toAbsolutePath(), scenario.name());
      out.printf("kefu chaos %s: run directory %s (child logs in %s)%n", scenario.name(), run, run.resolve("logs"));
      out.flush();
      try (ChaosEnvironment env = ChaosEnvironment.start(run, scenario.name() + ".", scenario.brokers())) {
        results.add(scenario.scenario().run(env, store));
      }
    }
    out.println();
    out.print(ResultTable.render(results));
    if (options.json != null) {
      ResultJson.write(options.json, results);
      out.printf("figures written to %s%n", options.json.toAbsolutePath());
    }
    out.flush();
    return results.stream().allMatch(ChaosResult::passed) ? 0 : 1;
  }
}
