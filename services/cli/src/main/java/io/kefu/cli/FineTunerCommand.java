package io.kefu.cli;

import io.kefu.finetune.FineTunerService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the fine-tuner: periodic rating-weighted fine-tuning, the evaluation gate, and candidate publication. */
@Command(name = "fine-tuner", mixinStandardHelpOptions = true,
    header = "Run the fine-tuner: retrain from ratings, gate, publish candidates.",
    description = {"Consume training-examples; when finetune.trigger.examples arrived or finetune.trigger.interval",
        "passed (or on TRAIN_NOW from the dashboard), fine-tune the ACTIVE version on 4-5 star and human replies",
        "(targets), 1-2 star replies (unlikelihood) and a replay sample of the base corpus; evaluate candidate and",
        "parent on a fixed held-out set; publish CANDIDATE or REJECTED with the reason, and commit the consumed",
        "offsets in the same transaction. PAUSE_TRAINING / RESUME_TRAINING from operators are obeyed."})
public final class FineTunerCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    FineTunerService service = FineTunerService.fromConfig(connection.load(), System.err);
    return ServiceRunner.runUntilShutdown("fine-tuner", new ServiceRunner.Service() {
      @Override
      public void start() {
        service.start();
      }

      @Override
      public void stop() {
        service.stop();
      }
    }, () -> "following training-examples and operator-commands", spec.commandLine().getOut());
  }
}
