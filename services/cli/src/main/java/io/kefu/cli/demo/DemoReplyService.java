package io.kefu.cli.demo;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.reply.ReplyServiceApp;
import java.util.function.Consumer;

/** Starts the reply service; on first start it trains the base model (progress on stderr) and registers it ACTIVE. */
final class DemoReplyService {
  private DemoReplyService() {}

  static void start(KefuConfig config, RunningParts parts, Consumer<String> progress) {
    progress.accept("starting the reply service (the base model is trained on first start: a few minutes,"
        + " progress below; cached after)");
    ReplyServiceApp app = ReplyServiceApp.fromConfig(config, System.err);
    app.start();
    parts.started("reply service", app::stop);
    progress.accept("reply service serving " + app.modelName() + " " + app.activeVersion().orElse("?"));
  }
}
