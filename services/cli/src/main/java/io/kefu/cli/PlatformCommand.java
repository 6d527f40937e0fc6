package io.kefu.cli;

import io.kefu.cli.platform.EmbeddedPlatform;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the embedded broker, registry and topics, prints where they are, and waits until Ctrl-C. */
@Command(name = "platform", mixinStandardHelpOptions = true,
    header = "Run embedded Kafka (KRaft) + schema registry + topics and wait.",
    description = {"Start a real single-node Kafka broker (KRaft) and the schema registry in this process, create",
        "Kefu's topics, and wait until Ctrl-C. Kafka on platform.kafka.port (9092), registry on registry.port (8081);",
        "data under data.dir survives restarts."})
public final class PlatformCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EmbeddedPlatform[] platform = new EmbeddedPlatform[1];
    return ServiceRunner.runUntilShutdown("platform", new ServiceRunner.Service() {
      @Override
      public void start() {
        platform[0] = EmbeddedPlatform.start(connection.load(), line -> {
          out.println("kefu platform: " + line);
          out.flush();
        });
      }

      @Override
      public void stop() {
        if (platform[0] != null) {
          platform[0].close();
        }
      }
    }, () -> String.format("ready in %.1f s%n  Kafka            %s%n  schema registry  %s%n  topics           %d created, %d existing",
        platform[0].startup().toMillis() / 1000.0, platform[0].bootstrapServers(), platform[0].registryUrl(),
        platform[0].topics().created().size(), platform[0].topics().existing().size()), out);
  }
}
