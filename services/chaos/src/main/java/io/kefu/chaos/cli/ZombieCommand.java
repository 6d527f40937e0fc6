package io.kefu.chaos.cli;

import io.kefu.chaos.scenario.LoadOptions;
import io.kefu.chaos.scenario.ZombieScenario;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu chaos zombie}: freeze one of two reply-service processes past its poll interval; check fencing. */
@Command(name = "zombie", mixinStandardHelpOptions = true,
    header = "Freeze one of two reply-service processes with SIGSTOP past max.poll.interval.ms; check it is fenced.",
    description = {"Two reply-service processes share a consumer group under load. One is frozen with SIGSTOP for",
        "--pause seconds (longer than --max-poll-interval) while the other takes its partitions, then resumed with",
        "SIGCONT: its late transactions carry a stale generation and are fenced, so read_committed consumers still",
        "see exactly one answer per message."})
public final class ZombieCommand implements Callable<Integer> {

  @Mixin RunOptions run;

  @Option(names = "--messages", defaultValue = "5000", description = "Customer messages; default ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--conversations", defaultValue = "200", description = "Conversations; default ${DEFAULT-VALUE}.")
  int conversations;

  @Option(names = "--rate", defaultValue = "60", paramLabel = "MSGS_PER_S",
      description = "Send rate (0: as fast as possible); default ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--pause", defaultValue = "20", paramLabel = "SECONDS",
      description = "How long the zombie stays frozen; default ${DEFAULT-VALUE} s.")
  long pause;

  @Option(names = "--max-poll-interval", defaultValue = "10", paramLabel = "SECONDS",
      description = "max.poll.interval.ms of both instances; default ${DEFAULT-VALUE} s.")
  long maxPollInterval;

  @Option(names = "--session-timeout", defaultValue = "6", paramLabel = "SECONDS",
      description = "session.timeout.ms of both instances; default ${DEFAULT-VALUE} s.")
  long sessionTimeout;

  @Option(names = "--drain-timeout", defaultValue = "1800", paramLabel = "SECONDS",
      description = "How long the services may take to answer everything; default ${DEFAULT-VALUE} s.")
  long drainTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var options = new ZombieScenario.Options(
        new LoadOptions(messages, conversations, rate, run.seed, Duration.ofSeconds(drainTimeout)),
        Duration.ofSeconds(pause), Duration.ofSeconds(maxPollInterval), Duration.ofSeconds(sessionTimeout));
    return ScenarioRunner.run(run, "zombie", (env, store) -> new ZombieScenario(env, store, options).run(),
        spec.commandLine().getOut());
  }
}
