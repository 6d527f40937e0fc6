package io.kefu.cli.demo;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.ComputeDevice;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.reply.ReplyService;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Starts the reply service on the base model, training the model first when the store does not hold it. */
final class DemoReplyService {
  private DemoReplyService() {}

  static void start(KefuConfig config, RunningParts parts, Consumer<String> progress) throws Exception {
    Path store = Path.of(config.get(CoreSettings.DATA_DIR)).toAbsolutePath().resolve("models");
    BaseTrainingOptions options = BaseTrainingOptions.defaults(store);
    progress.accept("loading the base model from " + store + " (trained on first start: a few minutes, progress below)");
    LanguageModel model = BaseTrainer.ensureBaseModel(options, System.err);
    parts.started("base model", model);
    GenerationEngine engine = new GenerationEngine(model, EngineOptions.defaults());
    parts.started("generation engine", engine);
    progress.accept("starting the reply service on " + model.name() + " " + model.version()
        + " (device " + ComputeDevice.AUTO.resolve() + ")");
    ReplyService reply = ReplyService.forEngine(config, engine);
    reply.start();
    parts.started("reply service", reply::stop);
  }
}
