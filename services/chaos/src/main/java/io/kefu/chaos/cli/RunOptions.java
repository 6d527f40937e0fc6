package io.kefu.chaos.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every chaos command shares: where the run keeps its data, the model store, the seed and the JSON file. */
public final class RunOptions {

  @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = "data/chaos",
      description = "Parent of the run directory (broker data, child settings and logs); default ${DEFAULT-VALUE}.")
  Path runParent;

  @Option(names = "--model-store", paramLabel = "DIR",
      description = "Model store the reply service serves from; default <run-dir>/model-store. The small base model "
          + "is trained into it (seconds) when it does not hold base-1.")
  Path modelStore;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the texts, the order and the fault schedule; default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
  Path json;

  /** The model store to use. */
  Path modelStore() {
    return modelStore != null ? modelStore : runParent.resolve("model-store");
  }
}
