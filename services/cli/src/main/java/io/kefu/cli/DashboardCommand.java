package io.kefu.cli;

import io.kefu.dashboard.DashboardServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Serves the operator dashboard. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    header = "Serve the operator dashboard.",
    description = {"Serve the operator dashboard on dashboard.port (8080): live throughput, latency, lag, ratings per",
        "model version, the model registry with promote/roll back/train/pause, the handoff queue, dead letters.",
        "Every page and /api route needs an operator token (dashboard.admin.token / dashboard.viewer.token;",
        "generated and printed when unset)."})
public final class DashboardCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DashboardServer server = new DashboardServer(connection.load());
    return ServiceRunner.runUntilShutdown("dashboard", new ServiceRunner.Service() {
      @Override
      public void start() {
        server.start();
      }

      @Override
      public void stop() {
        server.stop();
      }
    }, () -> "serving " + server.url() + "?token=" + server.adminToken()
        + "\n  admin token  " + server.adminToken() + "\n  viewer token " + server.viewerToken(),
        spec.commandLine().getOut());
  }
}
