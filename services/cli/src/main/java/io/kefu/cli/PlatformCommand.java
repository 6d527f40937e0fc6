package io.kefu.cli;

import io.kefu.cli.platform.EmbeddedPlatform;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EmbeddedPlatform platform = EmbeddedPlatform.start(connection.load(), line -> {
      out.println("kefu platform: " + line);
      out.flush();
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("kefu platform: stopping");
      out.flush();
      platform.close();
      stopped.countDown();
    }, "kefu-platform-shutdown"));
    out.printf("kefu platform: ready in %.1f s%n  Kafka            %s%n  schema registry  %s%n  topics           %d created, %d existing%n",
        platform.startup().toMillis() / 1000.0, platform.bootstrapServers(), platform.registryUrl(),
        platform.topics().created().size(), platform.topics().existing().size());
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
