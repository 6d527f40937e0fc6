package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.kafka.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-side view of the compacted model-versions topic: reads it whole from the beginning (read_committed) and
 * then follows it, keeping every version's latest lifecycle record and its history.
 *
 * <p>{@link #start()} returns at once; {@link #awaitCaughtUp(Duration)} waits until the records that existed at start
 * are read. Listeners run on the view's thread for every record, in log order, after the view has applied it.
 */
public final class ModelRegistryView implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelRegistryView.class);

  private final ModelVersionLog versions = new ModelVersionLog();
  private final List<Consumer<ModelVersion>> listeners = new CopyOnWriteArrayList<>();
  private final TopicFollower<ModelVersion> follower;

  /**
   * A view over {@code topic}.
   *
   * @param kafkaProperties Kafka client settings, {@code bootstrap.servers} included
   * @param topic the model-versions topic and its serdes
   */
  public ModelRegistryView(Map<String, Object> kafkaProperties, Topic<String, ModelVersion> topic) {
    this.follower = new TopicFollower<>(kafkaProperties, topic, this::apply);
  }

  /** Registers a listener called for every record applied from now on. */
  public void addListener(Consumer<ModelVersion> listener) {
    listeners.add(listener);
  }

  /** Starts reading the topic on a background thread. */
  public void start() {
    follower.start();
  }

  private void apply(ConsumerRecord<String, ModelVersion> record) {
    ModelVersion value = record.value();
    if (value == null) {
      log.debug("tombstone for {} at {}-{}@{} ignored", record.key(), record.topic(), record.partition(),
          record.offset());
      return;
    }
    versions.apply(value);
    for (Consumer<ModelVersion> listener : listeners) {
      try {
        listener.accept(value);
      } catch (RuntimeException e) {
        log.error("model-versions listener failed on {} at {}-{}@{}", record.key(), record.topic(),
            record.partition(), record.offset(), e);
      }
    }
  }

  /**
   * Waits until every record that was on the topic at start has been read.
   *
   * @return true when caught up, false when {@code timeout} passed first
   * @throws IllegalStateException when the view failed
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  /** Throws the failure that stopped the view, if any. */
  public void checkHealthy() {
    follower.checkHealthy();
  }

  /** True once caught up and still running. */
  public boolean isReady() {
    return follower.isReady();
  }

  /** The versions read so far; live, thread-safe. */
  public ModelVersionLog versions() {
    return versions;
  }

  /** The ACTIVE version of {@code modelName}. */
  public Optional<ModelVersion> active(String modelName) {
    return versions.active(modelName);
  }

  /** The CANARY version of {@code modelName}. */
  public Optional<ModelVersion> canary(String modelName) {
    return versions.canary(modelName);
  }

  /** The latest record of one version. */
  public Optional<ModelVersion> latest(String modelName, String version) {
    return versions.latest(new ModelVersionKey(modelName, version));
  }

  /** Every record seen of one version, oldest first. */
  public List<ModelVersion> history(String modelName, String version) {
    return versions.history(new ModelVersionKey(modelName, version));
  }

  /** Waits until a version's latest record has {@code status}; empty when {@code timeout} passed first. */
  public Optional<ModelVersion> awaitStatus(String modelName, String version, ModelStatus status, Duration timeout)
      throws InterruptedException {
    return versions.awaitStatus(new ModelVersionKey(modelName, version), status, timeout);
  }

  /** Stops following the topic. */
  public void stop() {
    follower.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
