package io.kefu.reply.serving;

import io.kefu.contract.ModelVersion;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.BaseTrainer;
import io.kefu.model.train.BaseTrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a reply service does on first start: make sure the model store holds the base model (training it, with a
 * progress bar, when it does not) and register it as the ACTIVE version when model-versions names none.
 */
public final class BaseModelBootstrap {
  private BaseModelBootstrap() {}

  /**
   * The stored, verified base model artifact, trained and saved first when the store does not hold
   * {@code options.version()}.
   *
   * @throws IOException when the store cannot be read or written
   */
  public static ModelArtifact ensureStored(BaseTrainingOptions options, PrintStream progress) throws IOException {
    FileSystemModelStore store = new FileSystemModelStore(options.storeDirectory());
    if (store.versions().contains(options.version())) {
      progress.printf("base model %s found in %s%n", options.version(), options.storeDirectory());
    } else {
      progress.printf("base model %s is not in %s: training it (once; minutes on 2 cores)%n", options.version(),
          options.storeDirectory());
      try (LanguageModel trained = BaseTrainer.ensureBaseModel(options, progress)) {
        progress.printf("base model %s trained and stored%n", trained.version());
      }
    }
    return store.open(options.version());
  }

  /**
   * Registers {@code artifact} as the ACTIVE version of {@code modelName} unless model-versions already names an
   * ACTIVE version.
   *
   * @return the record written, or empty when an ACTIVE version existed
   * @throws IOException when the artifact's manifest cannot be read
   */
  public static Optional<ModelVersion> registerIfNoActive(ModelRegistryView view, LifecyclePublisher publisher,
      String modelName, ModelArtifact artifact) throws IOException {
    if (view.active(modelName).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(publisher.registerBase(modelName, artifact.manifest().version(),
        artifact.directory().toUri().toString(), artifact.manifestSha256(), numbers(artifact.metrics()), Map.of()));
  }

  /** The finite numbers of a metrics document, nested keys joined with dots ({@code training.finalLoss}). */
  static Map<String, Double> numbers(Map<String, Object> metrics) {
    Map<String, Double> out = new TreeMap<>();
    collect("", metrics, out);
    return out;
  }

  private static void collect(String prefix, Map<?, ?> values, Map<String, Double> out) {
    values.forEach((key, value) -> {
      String name = prefix + key;
      if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
        out.put(name, number.doubleValue());
      } else if (value instanceof Map<?, ?> nested) {
        collect(name + ".", nested, out);
      }
    });
  }
}
