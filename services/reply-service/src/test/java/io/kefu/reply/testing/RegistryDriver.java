package io.kefu.reply.testing;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.ModelVersionKey;
import io.kefu.lifecycle.ModelVersionRecords;
import io.kefu.model.store.ModelArtifact;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Takes the lifecycle steps the fine-tuner and the canary controller take on model-versions, through the real
 * registry classes: writes CANDIDATE records, starts canaries, promotes them; and waits for statuses to appear.
 */
public final class RegistryDriver implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KefuConfig config;
  private final LifecycleClients clients;
  private final ModelRegistryView view;
  private final LifecyclePublisher publisher;
  private final String modelName;

  private RegistryDriver(KefuConfig config, LifecycleClients clients, ModelRegistryView view,
      LifecyclePublisher publisher) {
    this.config = config;
    this.clients = clients;
    this.view = view;
    this.publisher = publisher;
    this.modelName = config.get(LifecycleSettings.MODEL_NAME);
  }

  /** A driver on the topics {@code config} names (created if missing), with its own transactional id. */
  public static RegistryDriver start(KefuConfig config) throws InterruptedException {
    LifecycleClients clients = LifecycleClients.fromConfig(config);
    ModelRegistryView view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions());
    view.start();
    if (!view.awaitCaughtUp(WAIT)) {
      throw new IllegalStateException("test view did not catch up with model-versions");
    }
    LifecyclePublisher publisher = new LifecyclePublisher(config.kafkaClientProperties(),
        "test-operator-" + config.get(CoreSettings.TOPIC_PREFIX), clients.topics().modelVersions(), view,
        Clock.systemUTC());
    return new RegistryDriver(config, clients, view, publisher);
  }

  /** Writes {@code artifact} as a CANDIDATE trained from {@code parent}, as the fine-tuner does, and waits for it. */
  public ModelVersion candidate(ModelArtifact artifact, String parent) throws IOException, InterruptedException {
    ModelVersion record = ModelVersionRecords.first(modelName, artifact.manifest().version(), ModelStatus.CANDIDATE,
        parent, artifact.directory().toUri().toString(), artifact.manifestSha256(), Map.of(), Map.of(),
        "passed the gate", Instant.now());
    var topic = clients.topics().modelVersions();
    try (KafkaProducer<String, ModelVersion> producer = new KafkaProducer<>(config.kafkaClientProperties(),
        new StringSerializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), ModelVersionKey.of(record).toString(), record)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write the candidate " + record.getVersion() + ": " + e.getCause(), e);
    }
    return awaitStatus(record.getVersion(), ModelStatus.CANDIDATE);
  }

  /** Starts a canary of a CANDIDATE on {@code share} of conversations. */
  public ModelVersion startCanary(String version, double share) {
    return publisher.startCanary(modelName, version, share, "test canary");
  }

  /** Promotes a CANARY to ACTIVE, retiring the ACTIVE version. */
  public ModelVersion promote(String version) {
    return publisher.promote(modelName, version, "test promotion");
  }

  /** Waits until a version's latest record has {@code status}. */
  public ModelVersion awaitStatus(String version, ModelStatus status) throws InterruptedException {
    return view.awaitStatus(modelName, version, status, WAIT).orElseThrow(() -> new AssertionError(
        modelName + ":" + version + " did not become " + status + " within " + WAIT + "; latest: "
            + view.latest(modelName, version).map(ModelVersion::getStatus).orElse(null)));
  }

  /** The driver's view of model-versions. */
  public ModelRegistryView view() {
    return view;
  }

  /** The model name on model-versions. */
  public String modelName() {
    return modelName;
  }

  @Override
  public void close() {
    publisher.close();
    view.close();
    clients.close();
  }
}
