package io.kefu.cli;

import io.kefu.model.bench.BenchOptions;
import io.kefu.model.bench.BenchResult;
import io.kefu.model.bench.GenerateBenchmark;
import io.kefu.model.train.BaseTrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures generation: sequential vs continuous batching, KV-cache step times, GFLOP/s against a matmul. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    header = "Generation throughput, latency, KV-cache step time, GFLOP/s.",
    description = {"On the base model: tokens/s and p50/p99 reply latency one conversation at a time and with",
        "continuous batching at 8, 32 and 64 concurrent conversations (ratio to sequential); decode-step time at",
        "positions 16, 64, 256 with and without the KV cache; GFLOP/s of the batch-64 decode next to a large matmul's."})
public final class BenchGenerateCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;
  @Mixin ModelOptions model;

  @Option(names = "--model-version", defaultValue = BaseTrainingOptions.VERSION,
      description = "Model version in the store (default ${DEFAULT-VALUE}); falls back to an untrained model of the default size when absent.")
  String version;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "PyTorch intra-op threads for every measurement (default ${DEFAULT-VALUE}; 0 = one per core).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (threads < 0) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--threads must be >= 0, was " + threads);
    }
    Path directory = model.store(connection.load()).resolve(version);
    BenchOptions defaults = BenchOptions.defaults();
    BenchOptions options = new BenchOptions(Files.isDirectory(directory) ? directory : null, defaults.conversations(),
        defaults.maxNewTokens(), defaults.concurrency(), defaults.stepPositions(), defaults.stepRepeats(),
        defaults.matmulSize(), threads);
    if (options.modelDirectory() == null) {
      System.err.println("kefu bench generate: " + directory + " not found; measuring an untrained model of the default size");
    }
    BenchResult result = GenerateBenchmark.run(options, model.device());
    GenerateBenchmark.printTable(result, System.out);
    if (json != null) {
      GenerateBenchmark.writeJson(result, json);
    }
    return 0;
  }
}
