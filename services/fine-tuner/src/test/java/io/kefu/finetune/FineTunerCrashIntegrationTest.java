package io.kefu.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.djl.Device;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.TrainingExample;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.train.LossScope;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A fine-tuner that dies mid-run and a restarted one publish exactly one outcome for the same examples. */
class FineTunerCrashIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();
  @TempDir
  static Path dir;
  private static EmbeddedSchemaRegistry registry;
  private static RestSchemaRegistryClient client;

  /** Where the first instance dies. */
  enum CrashPoint {
    WHILE_TRAINING,
    AFTER_STORING_THE_ARTIFACT
  }

  @BeforeAll
  static void startRegistry() {
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(kafka.broker().clientProperties()).optTopic("_schemas-ft")
        .optTopicReplication((short) 1).build());
    registry.start();
    client = new RestSchemaRegistryClient(registry.url());
  }

  @AfterAll
  static void stopRegistry() {
    client.close();
    registry.stop();
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void shouldPublishExactlyOneOutcomeWhenAFineTunerDiesMidRunAndRestarts(CrashPoint crash) throws Exception {
    // Given a base model registered ACTIVE and 40 rated examples on training-examples
    Map<String, Object> props = kafka.broker().clientProperties();
    String prefix = crash.name().toLowerCase() + ".";
    TopicCatalogue catalogue = TopicCatalogue.load(prefix);
    try (Admin admin = Admin.create(props)) {
      new TopicAdmin(admin).ensureTopics(catalogue.all());
    }
    KefuTopics topics = KefuTopics.create(catalogue, client, true);
    FileSystemModelStore store = new FileSystemModelStore(dir.resolve(prefix + "models"));
    TinyCorpus.trainBase(store);
    try (ModelRegistryView view = new ModelRegistryView(props, topics.modelVersions())) {
      view.start();
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      try (LifecyclePublisher publisher = new LifecyclePublisher(props, prefix + "lifecycle",
          topics.modelVersions(), view, Clock.systemUTC())) {
        publisher.registerBase("kefu", "base", store.directory("base").toUri().toString(),
            store.manifestSha256("base"), Map.of(), Map.of());
      }
      List<TrainingExample> examples = TinyCorpus.goodExamples("ex-", 40);
      try (KafkaProducer<String, TrainingExample> producer = new KafkaProducer<>(props,
          topics.trainingExamples().keySerde().serializer(), topics.trainingExamples().valueSerde().serializer())) {
        for (TrainingExample e : examples) {
          producer.send(new ProducerRecord<>(topics.trainingExamples().name(), e.getReplyId(), e)).get();
        }
      }
      FineTuner.Options options = new FineTuner.Options("kefu", prefix + "fine-tuner", prefix + "fine-tuner", 40,
          Duration.ofHours(1), 10);

      // When the first instance dies at the crash point, without committing
      RunObserver dying = new RunObserver() {
        @Override
        public void trainingStarted(String version, int count) {
          if (crash == CrashPoint.WHILE_TRAINING) {
            throw new IllegalStateException("simulated crash while training " + version);
          }
        }

        @Override
        public void artifactStored(String version) {
          throw new IllegalStateException("simulated crash after storing " + version);
        }
      };
      FineTuner first = new FineTuner(props, options, topics.trainingExamples(), topics.modelVersions(), view,
          run(store, dying), Clock.systemUTC());
      first.start();
      await().atMost(Duration.ofMinutes(2)).until(() -> first.status().state() == FineTunerStatus.State.FAILED);
      first.stop();
      assertThat(first.status().failure()).contains("simulated crash");
      assertThat(store.versions()).hasSize(crash == CrashPoint.WHILE_TRAINING ? 1 : 2);

      // And a new instance starts with the same group and transactional id
      try (FineTuner second = new FineTuner(props, options, topics.trainingExamples(), topics.modelVersions(), view,
          run(store, RunObserver.NONE), Clock.systemUTC())) {
        second.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> second.status().runs() == 1);

        // Then model-versions holds exactly one outcome for those examples, and their offsets are committed
        Map<String, List<ModelVersion>> outcomes = readModelVersions(props, topics).stream()
            .filter(v -> !v.getVersion().equals("base"))
            .collect(Collectors.groupingBy(ModelVersion::getVersion));
        assertThat(outcomes).hasSize(1);
        ModelVersion outcome = outcomes.values().iterator().next().get(0);
        assertThat(outcomes.get(outcome.getVersion())).hasSize(1);
        assertThat(outcome.getParentVersion()).isEqualTo("base");
        assertThat(outcome.getTrainingMetrics().get("examples") + outcome.getTrainingMetrics().get(
            "examples.heldout")).isEqualTo(40.0);
        assertThat(store.versions()).containsExactlyInAnyOrder("base", outcome.getVersion());
        assertThat(committedCount(props, options.groupId(), topics)).isEqualTo(40);
      }
    }
  }

  private static FineTuneRun run(FileSystemModelStore store, RunObserver observer) {
    TinyCorpus corpus = new TinyCorpus();
    return new FineTuneRun("kefu", store, Device.cpu(), corpus,
        new TrainingSetBuilder(NegativeMode.UNLIKELIHOOD, 2, 0.5, 0.25, LossScope.WHOLE_REPLY, 0.1, 5),
        new FineTuneRecipe(1, 20, 16, 3e-3f, Duration.ofMinutes(2), 5, 1, 1.0), new ModelEvaluator(corpus, 20, 0),
        new GatePolicy(0.10, 0.10, 10.0, 100.0, 0.05), null, observer, Clock.systemUTC());
  }

  private static List<ModelVersion> readModelVersions(Map<String, Object> props, KefuTopics topics) {
    Map<String, Object> consumerProps = new HashMap<>(props);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ModelVersion> records = new ArrayList<>();
    try (KafkaConsumer<String, ModelVersion> consumer = new KafkaConsumer<>(consumerProps,
        topics.modelVersions().keySerde().deserializer(), topics.modelVersions().valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topics.modelVersions().name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, ModelVersion> record : consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.key()).isEqualTo("kefu:" + record.value().getVersion());
          records.add(record.value());
        }
      }
    }
    return records;
  }

  private static long committedCount(Map<String, Object> props, String groupId, KefuTopics topics) throws Exception {
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      return committed.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topics.trainingExamples().name()))
          .mapToLong(e -> e.getValue().offset()).sum();
    }
  }
}
