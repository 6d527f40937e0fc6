package io.kefu.finetune;

import io.kefu.contract.CommandKind;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import io.kefu.contract.TrainingExample;
import io.kefu.kafka.topic.Topic;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.ModelVersionKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fine-tuner service: reads training-examples in a consumer group (read_committed, no auto commit), buffers new
 * examples (a re-rated example replaces its earlier version), and starts a run when {@code triggerExamples} arrived,
 * {@code triggerInterval} passed since the first of them, or an operator asked (TRAIN_NOW).
 *
 * <p>A run's outcome record and the offsets of the examples it used are committed in one Kafka transaction
 * ({@code sendOffsetsToTransaction}). The artifact is stored before that transaction under a version label derived
 * from the inputs, so a crash anywhere before the commit leads a restarted fine-tuner to the same examples, the same
 * label and (if it got that far) the stored artifact: exactly one outcome per set of examples.
 */
public final class FineTuner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FineTuner.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int MAX_POLL_INTERVAL_MS = 30 * 60 * 1000;

  private final Map<String, Object> kafka;
  private final Options options;
  private final Topic<String, TrainingExample> examples;
  private final Topic<String, ModelVersion> modelVersions;
  private final ModelRegistryView view;
  private final FineTuneRun run;
  private final Clock clock;
  private final Map<String, TrainingExample> buffer = new LinkedHashMap<>();

  private KafkaConsumer<String, TrainingExample> consumer;
  private KafkaProducer<String, ModelVersion> producer;
  private Thread thread;
  private Instant firstBuffered;
  private volatile boolean stopping;
  private volatile boolean trainNow;
  private volatile boolean paused;
  private volatile FineTunerStatus.State state = FineTunerStatus.State.STARTING;
  private volatile int buffered;
  private volatile long runs;
  private volatile String lastOutcome;
  private volatile String failure;

  /**
   * When runs start and who the fine-tuner is.
   *
   * @param modelName the model to fine-tune (its ACTIVE version is the parent)
   * @param groupId consumer group on training-examples
   * @param transactionalId the producer's transactional id
   * @param triggerExamples new examples that start a run
   * @param triggerInterval time after the first new example that starts a run
   * @param minExamples fewest new examples a timed or on-demand run needs
   */
  public record Options(String modelName, String groupId, String transactionalId, int triggerExamples,
      Duration triggerInterval, int minExamples) {
    public Options {
      if (triggerExamples < 1 || minExamples < 1) {
        throw new IllegalArgumentException("trigger and minimum example counts must be >= 1, were " + triggerExamples
            + " and " + minExamples);
      }
    }
  }

  public FineTuner(Map<String, Object> kafka, Options options, Topic<String, TrainingExample> examples,
      Topic<String, ModelVersion> modelVersions, ModelRegistryView view, FineTuneRun run, Clock clock) {
    this.kafka = Map.copyOf(kafka);
    this.options = options;
    this.examples = examples;
    this.modelVersions = modelVersions;
    this.view = view;
    this.run = run;
    this.clock = clock;
  }

  /** Fences any earlier instance with the same transactional id, then starts consuming on a background thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("fine-tuner " + options.transactionalId() + " is already started");
    }
    Map<String, Object> producerProps = new HashMap<>(kafka);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(producerProps, modelVersions.keySerde().serializer(),
        modelVersions.valueSerde().serializer());
    producer.initTransactions();
    Map<String, Object> consumerProps = new HashMap<>(kafka);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
    consumer = new KafkaConsumer<>(consumerProps, examples.keySerde().deserializer(),
        examples.valueSerde().deserializer());
    thread = new Thread(this::loop, "kefu-fine-tuner");
    thread.start();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(examples.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          // uncommitted examples will be read again from the committed offsets by whoever gets the partitions
          buffer.clear();
          firstBuffered = null;
          buffered = 0;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          state = FineTunerStatus.State.WAITING;
        }
      });
      while (!stopping) {
        try {
          for (ConsumerRecord<String, TrainingExample> record : consumer.poll(POLL)) {
            if (record.value() != null) {
              buffer.put(record.value().getExampleId(), record.value());
              if (firstBuffered == null) {
                firstBuffered = clock.instant();
              }
            }
          }
        } catch (RecordDeserializationException e) {
          log.error("skipping an unreadable training example at {}@{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        buffered = buffer.size();
        if (shouldRun()) {
          runAndPublish();
        }
      }
      state = FineTunerStatus.State.STOPPED;
    } catch (WakeupException e) {
      state = stopping ? FineTunerStatus.State.STOPPED : FineTunerStatus.State.FAILED;
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
      state = FineTunerStatus.State.FAILED;
      log.error("fine-tuner stopped without committing its current run; a restart re-reads those examples", e);
    } finally {
      consumer.close();
      producer.close(Duration.ofSeconds(30));
    }
  }

  private boolean shouldRun() {
    if (paused || buffer.isEmpty()) {
      return false;
    }
    if (buffer.size() >= options.triggerExamples()) {
      return true;
    }
    boolean due = trainNow || Duration.between(firstBuffered, clock.instant()).compareTo(options.triggerInterval()) >= 0;
    if (due && buffer.size() < options.minExamples()) {
      if (trainNow) {
        log.info("run asked for, but only {} new examples wait ({} needed)", buffer.size(), options.minExamples());
        trainNow = false;
      }
      return false;
    }
    return due;
  }

  private void runAndPublish() throws IOException {
    trainNow = false;
    Optional<ModelVersion> active = view.active(options.modelName());
    if (active.isEmpty()) {
      log.warn("{} new examples wait, but {} has no ACTIVE version to fine-tune from", buffer.size(),
          options.modelName());
      firstBuffered = clock.instant();
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    state = FineTunerStatus.State.TRAINING;
    RunOutcome outcome;
    try {
      outcome = run.execute(active.get().getVersion(), List.copyOf(buffer.values()));
    } catch (IllegalArgumentException e) {
      log.info("no run on {} examples: {}; their offsets are committed", buffer.size(), e.getMessage());
      consumer.commitSync(offsets);
      clearBuffer();
      return;
    }
    state = FineTunerStatus.State.PUBLISHING;
    ModelVersion record = outcome.record();
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(modelVersions.name(), ModelVersionKey.of(record).toString(), record));
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    producer.commitTransaction();
    runs++;
    lastOutcome = record.getVersion() + " " + record.getStatus();
    log.info("published {} {} from {} ({} examples{})", record.getVersion(), record.getStatus(),
        record.getParentVersion(), buffer.size(), outcome.reused() ? ", artifact of an earlier attempt" : "");
    clearBuffer();
  }

  private void clearBuffer() {
    buffer.clear();
    firstBuffered = null;
    buffered = 0;
    state = FineTunerStatus.State.WAITING;
  }

  /**
   * Carries out an operator's TRAIN_NOW, PAUSE_TRAINING or RESUME_TRAINING for this model.
   *
   * @return whether the command was the fine-tuner's
   */
  public boolean handle(OperatorCommand command) {
    if (command.getModelName() != null && !command.getModelName().equals(options.modelName())) {
      return false;
    }
    if (command.getKind() == CommandKind.TRAIN_NOW) {
      trainNow = true;
    } else if (command.getKind() == CommandKind.PAUSE_TRAINING) {
      paused = true;
    } else if (command.getKind() == CommandKind.RESUME_TRAINING) {
      paused = false;
    } else {
      return false;
    }
    return true;
  }

  /** What the fine-tuner is doing. */
  public FineTunerStatus status() {
    return new FineTunerStatus(state, buffered, paused, runs, lastOutcome, failure);
  }

  /** Stops after the current poll or run; a run in progress finishes and publishes first. */
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    stopping = true;
    consumer.wakeup();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while stopping the fine-tuner");
    }
    thread = null;
  }

  @Override
  public void close() {
    stop();
  }
}
