package io.kefu.chaos.cli;

import io.kefu.chaos.scenario.BrokerRestartScenario;
import io.kefu.chaos.scenario.LoadOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kefu chaos broker-restart}: restart the embedded broker under load, or with {@code --brokers 3} kill one node
 * of a three-node cluster; check exactly-once.
 */
@Command(name = "broker-restart", mixinStandardHelpOptions = true,
    header = "Restart the broker (or kill one of three) under load; check the clients recover and exactly-once holds.",
    description = {"One reply-service process answers a steady load while the embedded broker is stopped and",
        "started again on the same data directory and port --restarts times; nothing is restarted by hand.",
        "With --brokers 3 Kafka runs as three broker processes (replication 3, min.insync.replicas 2) and each",
        "fault is a SIGKILL of one node at random, started again after --down-for seconds."})
public final class BrokerRestartCommand implements Callable<Integer> {

  @Mixin RunOptions run;

  @Option(names = "--messages", defaultValue = "5000", description = "Customer messages; default ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--conversations", defaultValue = "200", description = "Conversations; default ${DEFAULT-VALUE}.")
  int conversations;

  @Option(names = "--rate", defaultValue = "60", paramLabel = "MSGS_PER_S",
      description = "Send rate (0: as fast as possible); default ${DEFAULT-VALUE}.")
  double rate;

  @Option(names = "--restarts", defaultValue = "3", description = "Broker restarts; default ${DEFAULT-VALUE}.")
  int restarts;

  @Option(names = "--min-interval", defaultValue = "5", paramLabel = "SECONDS",
      description = "Shortest time before a restart; default ${DEFAULT-VALUE} s.")
  long minInterval;

  @Option(names = "--max-interval", defaultValue = "20", paramLabel = "SECONDS",
      description = "Longest time before a restart; default ${DEFAULT-VALUE} s.")
  long maxInterval;

  @Option(names = "--brokers", defaultValue = "1",
      description = "1: one in-process broker, stopped and started; 3: a cluster of three broker processes, one"
          + " killed with SIGKILL per fault; default ${DEFAULT-VALUE}.")
  int brokers;

  @Option(names = "--down-for", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long a killed node of a cluster stays down; default ${DEFAULT-VALUE} s.")
  long downFor;

  @Option(names = "--drain-timeout", defaultValue = "1800", paramLabel = "SECONDS",
      description = "How long the service may take to answer everything; default ${DEFAULT-VALUE} s.")
  long drainTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var options = new BrokerRestartScenario.Options(
        new LoadOptions(messages, conversations, rate, run.seed, Duration.ofSeconds(drainTimeout)), restarts,
        Duration.ofSeconds(minInterval), Duration.ofSeconds(maxInterval), Duration.ofSeconds(downFor));
    if (brokers != 1 && brokers < 3) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--brokers must be 1 or at least 3 (a cluster"
          + " that keeps min.insync.replicas 2 with one node down), was " + brokers);
    }
    return ScenarioRunner.run(run, brokers == 1 ? "broker-restart" : "broker-kill", brokers,
        (env, store) -> new BrokerRestartScenario(env, store, options).run(), spec.commandLine().getOut());
  }
}
