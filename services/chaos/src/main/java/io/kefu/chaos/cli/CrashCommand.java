package io.kefu.chaos.cli;

import io.kefu.chaos.scenario.FeedbackCrashScenario;
import io.kefu.chaos.scenario.FineTunerCrashScenario;
import io.kefu.chaos.scenario.LoadOptions;
import io.kefu.chaos.scenario.ReplyCrashScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kefu chaos crash}: SIGKILL a service process at random moments under load, then check exactly-once. */
@Command(name = "crash", mixinStandardHelpOptions = true,
    header = "Kill a service process with SIGKILL at random moments under load; check exactly-once.",
    description = {"reply: the reply service runs as a separate process on the small real model; a steady producer",
        "sends messages across conversations while the process is killed --kills times and restarted under the same",
        "instance id. Afterwards a read_committed consumer checks one answer per message, none lost, none",
        "duplicated, conversation order kept.",
        "feedback: the feedback stream (Kafka Streams, exactly_once_v2) runs as a separate process while messages,",
        "model replies and ratings flow (--messages of each); it is killed --kills times; afterwards",
        "training-examples holds exactly one example per rated reply.",
        "fine-tuner: the fine-tuner runs as a separate process on the small base model with --examples rated",
        "examples waiting; it is killed --kills times mid-run; afterwards model-versions holds exactly one outcome.",
        "all: each of them, one after the other, in one table."})
public final class CrashCommand implements Callable<Integer> {

  /** The services this command can crash, and {@code all} of them. */
  static final List<String> SERVICES = List.of("reply", "feedback", "fine-tuner", "all");

  @Mixin RunOptions run;

  @Option(names = "--service", defaultValue = "reply", paramLabel = "reply|feedback|fine-tuner|all",
      description = "Which service to crash; default ${DEFAULT-VALUE}.")
  String service;

  @Option(names = "--examples", defaultValue = "200",
      description = "fine-tuner: rated examples on training-examples, one run's worth; default ${DEFAULT-VALUE}.")
  int examples;

  @Option(names = "--messages", defaultValue = "20000", description = "Customer messages; default ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--conversations", defaultValue = "500", description = "Conversations; default ${DEFAULT-VALUE}.")
  int conversations;

  @Option(names = "--rate", defaultValue = "60", paramLabel = "MSGS_PER_S",
      description = "Send rate (0: as fast as possible); default ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--kills", defaultValue = "5", description = "SIGKILLs; default ${DEFAULT-VALUE}.")
  int kills;

  @Option(names = "--min-uptime", defaultValue = "5", paramLabel = "SECONDS",
      description = "Shortest service life before a kill; default ${DEFAULT-VALUE} s.")
  long minUptime;

  @Option(names = "--max-uptime", defaultValue = "30", paramLabel = "SECONDS",
      description = "Longest service life before a kill; default ${DEFAULT-VALUE} s.")
  long maxUptime;

  @Option(names = "--tuner-max-uptime-ms", defaultValue = "2500", paramLabel = "MS",
      description = "fine-tuner: longest time from the start of training to a kill (from 500 ms); default ${DEFAULT-VALUE}.")
  long tunerMaxUptimeMs;

  @Option(names = "--drain-timeout", defaultValue = "3600", paramLabel = "SECONDS",
      description = "How long the service may take to answer everything; default ${DEFAULT-VALUE} s.")
  long drainTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var options = new ReplyCrashScenario.Options(
        new LoadOptions(messages, conversations, rate, run.seed, Duration.ofSeconds(drainTimeout)), kills,
        Duration.ofSeconds(minUptime), Duration.ofSeconds(maxUptime));
    if (!SERVICES.contains(service)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--service must be one of " + SERVICES + ", was '" + service + "'");
    }
    boolean all = service.equals("all");
    List<ScenarioRunner.Named> scenarios = new ArrayList<>();
    if (all || service.equals("reply")) {
      scenarios.add(new ScenarioRunner.Named("crash-reply",
          (env, store) -> new ReplyCrashScenario(env, store, options).run()));
    }
    if (all || service.equals("feedback")) {
      scenarios.add(new ScenarioRunner.Named("crash-feedback",
          (env, store) -> new FeedbackCrashScenario(env, options).run()));
    }
    if (all || service.equals("fine-tuner")) {
      // A run trains for seconds, not minutes: its kills come within --tuner-max-uptime-ms of its training start.
      var tuner = new FineTunerCrashScenario.Options(examples, kills, Duration.ofMillis(Math.min(500, tunerMaxUptimeMs)),
          Duration.ofMillis(tunerMaxUptimeMs), run.seed, Duration.ofSeconds(drainTimeout));
      scenarios.add(new ScenarioRunner.Named("crash-fine-tuner",
          (env, store) -> new FineTunerCrashScenario(env, store, tuner).run()));
    }
    return ScenarioRunner.runAll(run, scenarios, spec.commandLine().getOut());
  }
}
