package io.kefu.chaos.cli;

import io.kefu.chaos.scenario.BacklogScenario;
import io.kefu.chaos.scenario.LoadOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu chaos backlog}: let messages pile up with no consumer, start the reply service, time the drain. */
@Command(name = "backlog", mixinStandardHelpOptions = true,
    header = "Let messages accumulate with no consumer, start the reply service, and time the drain.",
    description = {"Produces --messages customer messages while no reply service runs, then starts one process and",
        "reports the drain time and rate until the group's lag (Admin listOffsets vs committed offsets) is 0, and",
        "checks every message was answered once and in order."})
public final class BacklogCommand implements Callable<Integer> {

  @Mixin RunOptions run;

  @Option(names = "--messages", defaultValue = "50000", description = "Backlog size; default ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--conversations", defaultValue = "500", description = "Conversations; default ${DEFAULT-VALUE}.")
  int conversations;

  @Option(names = "--drain-timeout", defaultValue = "7200", paramLabel = "SECONDS",
      description = "How long the drain may take; default ${DEFAULT-VALUE} s.")
  long drainTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LoadOptions load = new LoadOptions(messages, conversations, 0, run.seed, Duration.ofSeconds(drainTimeout));
    return ScenarioRunner.run(run, "backlog", (env, store) -> new BacklogScenario(env, store, load).run(),
        spec.commandLine().getOut());
  }
}
