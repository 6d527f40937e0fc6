package io.kefu.reply.serving;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.reply.ReplySettings;
import java.nio.file.Path;

/** Where the model store is: the fine-tuner's {@code finetune.store.dir} when set, else {@code <data.dir>/models}. */
public final class ModelStoreDirectory {
  private ModelStoreDirectory() {}

  /** The model store directory {@code config} names, the same one the fine-tuner writes to. */
  public static Path of(KefuConfig config) {
    // getOrNull: the key is the fine-tuner's, declared only where that module is on the class path (e.g. the CLI).
    String dir = config.getOrNull(ReplySettings.MODEL_STORE_DIR);
    return dir != null && !dir.isBlank() ? Path.of(dir)
        : Path.of(config.get(CoreSettings.DATA_DIR)).resolve("models");
  }
}
