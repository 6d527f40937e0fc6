package io.kefu.loadbench.cli;

import io.kefu.loadbench.LoadBenchmark;
import io.kefu.loadbench.LoadOptions;
import io.kefu.loadbench.LoadReport;
import io.kefu.loadbench.LoadResult;
import io.kefu.loadbench.ModelChoice;
import io.kefu.model.ComputeDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Sustained load through the real reply service: throughput, end-to-end latency, Kafka's overhead, lag, heap. */
@Command(name = "load", mixinStandardHelpOptions = true,
    header = "Sustained load: throughput, e2e p50/p99, overhead (e2e - model time), lag; --duration for a soak.",
    description = {"On a fresh embedded broker and registry (or --bootstrap-servers), the reply service answers held-out seed-corpus messages",
        "produced at each target rate; a read_committed consumer sees the replies. Per rate: throughput, end-to-end",
        "p50/p99 (produced -> reply visible), model time, overhead = e2e - model time per reply, consumer lag; rows the",
        "pipeline cannot hold are marked saturated. With --duration, a soak at --soak-rate samples heap after GC and lag",
        "every --sample-interval and prints the trend (first vs last quarter)."})
public final class BenchLoadCommand implements Callable<Integer> {

  @Option(names = "--rates", split = ",", defaultValue = "100,500,2000",
      description = "Target rates in messages/s (default ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per rate (default ${DEFAULT-VALUE}).")
  long seconds;

  @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured seconds per rate first (default ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--model", defaultValue = "small", paramLabel = "small|default",
      description = "small: a 2-layer model trained in-process first; default: a stored version (--store, --model-version). Default ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "data/models",
      description = "Model store of --model default (default ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--model-version", defaultValue = "base-1", description = "Stored version of --model default (default ${DEFAULT-VALUE}).")
  String modelVersion;

  @Option(names = "--train-seconds", defaultValue = "45", description = "Training time of --model small (default ${DEFAULT-VALUE}).")
  long trainSeconds;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
      description = "Device for the model (default ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--conversations", defaultValue = "1000", description = "Conversations sharing the load (default ${DEFAULT-VALUE}).")
  int conversations;

  @Option(names = "--engine-batch", defaultValue = "128", description = "Sequences decoded together (default ${DEFAULT-VALUE}).")
  int engineBatch;

  @Option(names = "--max-tokens", defaultValue = "96", description = "Most tokens per reply (default ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(names = "--fetch-max-wait-ms", defaultValue = "100",
      description = "fetch.max.wait.ms of the platform's reply consumer (default ${DEFAULT-VALUE}).")
  long fetchMaxWait;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Run against this existing cluster (with --schema-registry-url) instead of a fresh embedded broker, e.g. one `kefu platform` runs in another process; security settings come from --set kafka.*.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      description = "The schema registry of --bootstrap-servers.")
  String schemaRegistryUrl;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "A reply-service setting (reply.*, kafka.*) for this run; repeatable.")
  Map<String, String> settings = Map.of();

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Run a soak of this many seconds at --soak-rate instead of the rates (e.g. 1800).")
  Long duration;

  @Option(names = "--soak-rate", defaultValue = "500", description = "Rate of the soak in messages/s (default ${DEFAULT-VALUE}).")
  int soakRate;

  @Option(names = "--sample-interval", defaultValue = "10", description = "Seconds between soak samples (default ${DEFAULT-VALUE}).")
  long sampleInterval;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "data/load-bench",
      description = "Where each run's broker data goes, deleted afterwards (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--drain-timeout", defaultValue = "300",
      description = "Longest wait in seconds, after each rate, for every message to be answered (default ${DEFAULT-VALUE}).")
  long drainTimeout;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    LoadOptions.Builder builder = LoadOptions.builder()
        .optRates(rates)
        .optSeconds(Duration.ofSeconds(seconds))
        .optWarmup(Duration.ofSeconds(warmup))
        .optModel(ModelChoice.valueOf(model.trim().toUpperCase(Locale.ROOT)))
        .optStoreDirectory(store)
        .optModelVersion(modelVersion)
        .optSmallTrainingBudget(Duration.ofSeconds(trainSeconds))
        .optDevice(ComputeDevice.parse(device))
        .optConversations(conversations)
        .optEngineBatch(engineBatch)
        .optMaxNewTokens(maxTokens)
        .optPlatformFetchMaxWait(Duration.ofMillis(fetchMaxWait))
        .optSoakRate(soakRate)
        .optSampleInterval(Duration.ofSeconds(sampleInterval))
        .optWorkDirectory(workDir)
        .optDrainTimeout(Duration.ofSeconds(drainTimeout));
    settings.forEach(builder::optReplySetting);
    if (bootstrapServers != null) {
      builder.optReplySetting(LoadOptions.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      builder.optReplySetting(LoadOptions.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }
    if (duration != null) {
      builder.optSoakDuration(Duration.ofSeconds(duration));
    }
    LoadResult result = new LoadBenchmark(builder.build(), System.err).run();
    LoadReport.printTable(result, System.out);
    if (json != null) {
      LoadReport.writeJson(result, json);
    }
    return result.duplicates() == 0 && result.unknown() == 0 ? 0 : 1;
  }
}
