package io.kefu.cli;

import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.ModelsTable;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists every model version with its lifecycle status, parent, evaluation and reason. */
@Command(name = "models", mixinStandardHelpOptions = true,
    header = "List model versions and their lifecycle.",
    description = "List every model version from the model-versions topic: status, parent, evaluation, reason.")
public final class ModelsCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    KefuConfig config = connection.load();
    try (LifecycleClients clients = LifecycleClients.fromConfig(config);
        ModelRegistryView view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions())) {
      view.start();
      if (!view.awaitCaughtUp(Duration.ofSeconds(60))) {
        throw new IllegalStateException("model-versions could not be read within 60 s from " + config.get("bootstrap.servers"));
      }
      spec.commandLine().getOut().print(ModelsTable.render(view.versions().all()));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
