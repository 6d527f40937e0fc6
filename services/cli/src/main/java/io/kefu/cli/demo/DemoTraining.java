package io.kefu.cli.demo;

import io.kefu.finetune.FineTunerService;
import io.kefu.kafka.config.KefuConfig;
import java.util.function.Consumer;

/** Starts the fine-tuner, which retrains from the simulated customers' ratings and publishes candidates. */
final class DemoTraining {
  private DemoTraining() {}

  static void start(KefuConfig config, RunningParts parts, Consumer<String> progress) {
    progress.accept("starting the fine-tuner");
    FineTunerService fineTuner = FineTunerService.fromConfig(config, System.err);
    fineTuner.start();
    parts.started("fine-tuner", fineTuner::stop);
  }
}
