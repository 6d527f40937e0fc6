package io.kefu.cli;

import io.kefu.finetune.bench.FlywheelBenchmark;
import io.kefu.finetune.bench.FlywheelOptions;
import io.kefu.finetune.bench.FlywheelReport;
import io.kefu.finetune.bench.FlywheelResult;
import io.kefu.kafka.config.KefuConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the full learning loop for a few cycles on embedded Kafka and reports each version's ratings. */
@Command(name = "flywheel", mixinStandardHelpOptions = true,
    header = "The learning loop: K fine-tune cycles, ratings per version, uplift.",
    description = {"On a fresh embedded broker: simulated customers rate the base model's replies; for each cycle the",
        "fine-tuner trains a candidate, the gate judges it, the canary controller tries it on live traffic; then each",
        "version's average rating and CSAT on held-out conversations it never trained on, and the uplift of the last",
        "promoted version over the base. Needs the base model in the store (bin/kefu train-base)."})
public final class BenchFlywheelCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;
  @Mixin ModelOptions model;

  @Option(names = "--cycles", defaultValue = "3", description = "Fine-tune cycles (default ${DEFAULT-VALUE}).")
  int cycles;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where each run's broker and store go (default <data.dir>/flywheel).")
  Path workDir;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    KefuConfig config = connection.load();
    FlywheelOptions options = FlywheelOptions.builder()
        .setStoreDirectory(model.store(config))
        .setWorkDirectory(workDir != null ? workDir : Path.of(config.get("data.dir")).resolve("flywheel"))
        .optCycles(cycles)
        .build();
    FlywheelResult result = new FlywheelBenchmark(config, options, System.err).run();
    FlywheelReport.printTable(result, System.out);
    if (json != null) {
      FlywheelReport.writeJson(result, json);
    }
    return 0;
  }
}
