package io.kefu.cli;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.ComputeDevice;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model store is and which device runs the model, for the model commands. */
public final class ModelOptions {

  @Option(names = "--store", paramLabel = "DIR", description = "Model store directory (default <data.dir>/models).")
  Path store;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
      description = "Device for the model: auto (GPU when DJL finds CUDA, else CPU), cpu or gpu. Default ${DEFAULT-VALUE}.")
  String device;

  /** The model store directory. */
  Path store(KefuConfig config) {
    return store != null ? store : Path.of(config.get(CoreSettings.DATA_DIR)).resolve("models");
  }

  ComputeDevice device() {
    return ComputeDevice.parse(device);
  }
}
