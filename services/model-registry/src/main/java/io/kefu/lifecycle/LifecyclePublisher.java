package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.kafka.topic.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes lifecycle steps to model-versions, checking each against the rules and the current state of the
 * {@link ModelRegistryView}; the records of one step (e.g. retire the old ACTIVE, activate the new one) are written in
 * one Kafka transaction, so readers see both or neither.
 *
 * <p>One publisher at a time per {@code transactional.id}: a second one fences the first. After each step the
 * publisher waits until its own view has read the step, so the next check sees it.
 */
public final class LifecyclePublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LifecyclePublisher.class);
  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private final ModelRegistryView view;
  private final Topic<String, ModelVersion> topic;
  private final KafkaProducer<String, ModelVersion> producer;
  private final Clock clock;

  /**
   * A publisher writing to {@code topic} with a transactional producer.
   *
   * @param kafkaProperties Kafka client settings
   * @param transactionalId the producer's transactional id
   * @param topic the model-versions topic
   * @param view a started view of the same topic
   * @param clock the time stamped on records
   */
  public LifecyclePublisher(Map<String, Object> kafkaProperties, String transactionalId,
      Topic<String, ModelVersion> topic, ModelRegistryView view, Clock clock) {
    this.view = view;
    this.topic = topic;
    this.clock = clock;
    Map<String, Object> props = new HashMap<>(kafkaProperties);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    this.producer.initTransactions();
  }

  /**
   * Registers a base model as ACTIVE unless the version is already registered; refuses when another version of the
   * model is ACTIVE.
   *
   * @return the version's latest record (the new one, or the one already there)
   */
  public synchronized ModelVersion registerBase(String modelName, String version, String artifactUri,
      String manifestSha256, Map<String, Double> trainingMetrics, Map<String, Double> evaluation) {
    Optional<ModelVersion> existing = view.latest(modelName, version);
    if (existing.isPresent()) {
      return existing.get();
    }
    view.active(modelName).ifPresent(active -> {
      throw new IllegalStateException("cannot register " + modelName + ":" + version + " as a base model: "
          + active.getVersion() + " is already ACTIVE");
    });
    ModelVersion record = ModelVersionRecords.first(modelName, version, ModelStatus.ACTIVE, null, artifactUri,
        manifestSha256, trainingMetrics, evaluation, "base model", clock.instant());
    write(List.of(record));
    return record;
  }

  /**
   * Starts trying a CANDIDATE on {@code share} of conversations.
   *
   * @throws IllegalTransitionException when the version is not a CANDIDATE
   * @throws IllegalStateException when another canary of the model is running
   */
  public synchronized ModelVersion startCanary(String modelName, String version, double share, String reason) {
    ModelVersion current = require(modelName, version);
    view.canary(modelName).filter(c -> !c.getVersion().equals(version)).ifPresent(other -> {
      throw new IllegalStateException("cannot start a canary of " + modelName + ":" + version + ": "
          + other.getVersion() + " is already a canary");
    });
    ModelVersion next = ModelVersionRecords.next(current, ModelStatus.CANARY, share, reason, clock.instant());
    write(List.of(next));
    return next;
  }

  /**
   * Makes a CANARY the ACTIVE version and retires the one it replaces, in one transaction.
   *
   * @throws IllegalTransitionException when the version is not a CANARY
   */
  public synchronized ModelVersion promote(String modelName, String version, String reason) {
    ModelVersion current = require(modelName, version);
    ModelVersion promoted = ModelVersionRecords.next(current, ModelStatus.ACTIVE, 0.0, reason, clock.instant());
    List<ModelVersion> records = new ArrayList<>();
    view.active(modelName).filter(a -> !a.getVersion().equals(version)).ifPresent(active -> records.add(
        ModelVersionRecords.next(active, ModelStatus.RETIRED, 0.0, "replaced by " + version, clock.instant())));
    records.add(promoted);
    write(records);
    return promoted;
  }

  /**
   * Rolls a CANARY or the ACTIVE version back. Rolling back the ACTIVE version reinstates the most recently retired
   * version in the same transaction, and is refused when there is none to reinstate.
   *
   * @throws IllegalTransitionException when the version is neither CANARY nor ACTIVE
   */
  public synchronized ModelVersion rollBack(String modelName, String version, String reason) {
    ModelVersion current = require(modelName, version);
    ModelVersion rolledBack = ModelVersionRecords.next(current, ModelStatus.ROLLED_BACK, 0.0, reason,
        clock.instant());
    List<ModelVersion> records = new ArrayList<>();
    records.add(rolledBack);
    if (current.getStatus() == ModelStatus.ACTIVE) {
      ModelVersion previous = view.versions().withStatus(modelName, ModelStatus.RETIRED).stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("cannot roll back " + modelName + ":" + version
              + ": it is the ACTIVE version and no RETIRED version is left to reinstate"));
      records.add(ModelVersionRecords.next(previous, ModelStatus.ACTIVE, 0.0,
          "reinstated: " + version + " was rolled back", clock.instant()));
    }
    write(records);
    return rolledBack;
  }

  /**
   * Rejects a CANDIDATE.
   *
   * @throws IllegalTransitionException when the version is not a CANDIDATE
   */
  public synchronized ModelVersion reject(String modelName, String version, String reason) {
    ModelVersion next = ModelVersionRecords.next(require(modelName, version), ModelStatus.REJECTED, 0.0, reason,
        clock.instant());
    write(List.of(next));
    return next;
  }

  private ModelVersion require(String modelName, String version) {
    return view.latest(modelName, version).orElseThrow(() -> new IllegalArgumentException(
        "model version " + new ModelVersionKey(modelName, version) + " is not registered on " + topic.name()));
  }

  private void write(List<ModelVersion> records) {
    try {
      producer.beginTransaction();
      for (ModelVersion record : records) {
        producer.send(new ProducerRecord<>(topic.name(), ModelVersionKey.of(record).toString(), record));
      }
      producer.commitTransaction();
    } catch (KafkaException e) {
      abortQuietly(e);
      throw new IllegalStateException("cannot write lifecycle step " + describe(records) + " to " + topic.name()
          + ": " + e.getMessage(), e);
    }
    for (ModelVersion record : records) {
      log.info("model {} -> {}{}", ModelVersionKey.of(record), record.getStatus(),
          record.getReason() == null ? "" : " (" + record.getReason() + ")");
    }
    awaitVisible(records.get(records.size() - 1));
  }

  private void abortQuietly(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException abortFailure) {
      cause.addSuppressed(abortFailure);
    }
  }

  private void awaitVisible(ModelVersion record) {
    try {
      if (view.awaitStatus(record.getModelName(), record.getVersion(), record.getStatus(), VISIBLE_TIMEOUT)
          .isEmpty()) {
        throw new IllegalStateException("wrote " + describe(List.of(record)) + " but the registry view has not read "
            + "it within " + VISIBLE_TIMEOUT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + describe(List.of(record))
          + " to be read back", e);
    }
  }

  private static String describe(List<ModelVersion> records) {
    return records.stream().map(r -> ModelVersionKey.of(r) + "=" + r.getStatus()).toList().toString();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
