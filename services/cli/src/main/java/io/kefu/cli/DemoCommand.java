package io.kefu.cli;

import io.kefu.cli.demo.Demo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the whole system in one process on embedded defaults, with simulated customers and the dashboard. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "Run everything in one process: embedded Kafka, services, simulated customers, dashboard.",
    description = {"Start the embedded broker and registry, create the topics, train the base model on first start",
        "(cached in <data.dir>/models), start the reply service, feedback stream, canary controller, fine-tuner,",
        "customer simulator and dashboard, and print the dashboard URL with the operator token. Ctrl-C stops every",
        "part cleanly; a second start reuses the data directory and the model."})
public final class DemoCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Demo demo = Demo.start(connection.load(), line -> {
      out.println("kefu demo: " + line);
      out.flush();
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("kefu demo: stopping (finishing in-flight transactions)…");
      out.flush();
      demo.close();
      out.println("kefu demo: stopped; data kept in " + demo.dataDirectory());
      out.flush();
      stopped.countDown();
    }, "kefu-demo-shutdown"));
    out.println();
    out.println("  Dashboard     " + demo.dashboardUrl());
    out.println("  Admin token   " + demo.adminToken());
    out.println("  Viewer token  " + demo.viewerToken());
    out.println("  Kafka         " + demo.bootstrapServers() + "    schema registry " + demo.registryUrl());
    out.println();
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
