package io.kefu.cli;

import io.kefu.lifecycle.canary.CanaryControllerService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the canary controller: starts canaries for new candidates and promotes or rolls them back by live ratings. */
@Command(name = "canary-controller", mixinStandardHelpOptions = true,
    header = "Run the canary controller: promote or roll back by live ratings.",
    description = {"Run the canary controller: put the newest CANDIDATE on a canary.share slice of conversations,",
        "compare its CSAT with the ACTIVE version's (one-sided two-proportion z-test, canary.alpha, at least",
        "canary.min.ratings per arm), promote it when better, roll it back when worse or after canary.timeout;",
        "operators' PROMOTE / ROLL_BACK commands take effect at once."})
public final class CanaryControllerCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CanaryControllerService service = new CanaryControllerService(connection.load(), Clock.systemUTC());
    return ServiceRunner.runUntilShutdown("canary-controller", new ServiceRunner.Service() {
      @Override
      public void start() {
        service.start();
      }

      @Override
      public void stop() {
        service.stop();
      }
    }, () -> "following model-versions, ops-metrics and operator-commands", spec.commandLine().getOut());
  }
}
