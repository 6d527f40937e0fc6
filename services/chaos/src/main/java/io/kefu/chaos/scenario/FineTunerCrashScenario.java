package io.kefu.chaos.scenario;

import io.kefu.chaos.child.FineTunerChild;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.chaos.process.ChildJvm;
import io.kefu.chaos.process.ChildProcess;
import io.kefu.chaos.process.ChildSpec;
import io.kefu.chaos.report.ChaosResult;
import io.kefu.chaos.verify.CommittedOutputs;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.contract.ExampleSource;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.TrainingExample;
import io.kefu.corpus.Conversation;
import io.kefu.corpus.Lang;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.finetune.FineTuneSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash test of the fine-tuner as an OS process: with the small base model registered ACTIVE and a batch of
 * rated examples on training-examples, the fine-tuner process starts a run and is killed with SIGKILL at seeded
 * random moments and launched again with the same group and transactional id; afterwards model-versions, read as a
 * read_committed consumer, holds exactly one outcome for those examples and their offsets are committed.
 */
public final class FineTunerCrashScenario {
  private static final Logger log = LoggerFactory.getLogger(FineTunerCrashScenario.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
  private static final String NAME = "fine-tuner";
  private static final String MODEL = "kefu";
  /** The progress bar of a fine-tune run's training (versions are named ft-...). */
  private static final String TRAINING = "train ft-";

  /**
   * @param examples rated examples on training-examples (one run's trigger)
   * @param kills how many times the fine-tuner is killed at most (fewer when its run finishes first)
   * @param minUptime shortest time from the start of training to a kill
   * @param maxUptime longest such time
   * @param seed seed of the examples and the kill schedule
   * @param timeout how long the last instance may take to publish the outcome
   */
  public record Options(int examples, int kills, Duration minUptime, Duration maxUptime, long seed,
      Duration timeout) {
    /** Checks the figures. */
    public Options {
      if (examples < 10 || kills < 0 || minUptime.isNegative() || maxUptime.compareTo(minUptime) < 0) {
        throw new IllegalArgumentException("need examples >= 10, kills >= 0 and 0 <= minUptime <= maxUptime, was "
            + examples + ", " + kills + ", " + minUptime + ", " + maxUptime);
      }
    }
  }

  private final ChaosEnvironment env;
  private final Path baseStore;
  private final Options options;

  /** {@code baseStore} holds the small base model; the run works on a copy of it. */
  public FineTunerCrashScenario(ChaosEnvironment env, Path baseStore, Options options) {
    this.env = env;
    this.baseStore = baseStore;
    this.options = options;
  }

  /** Runs the scenario and checks model-versions. */
  public ChaosResult run() throws InterruptedException, IOException {
    String group = env.topicPrefix() + NAME;
    Path store = copyBaseModel(env.runDirectory().resolve("models"));
    KefuConfig config = KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), Map.of(
        "bootstrap.servers", env.bootstrapServers(), "schema.registry.url", env.registryUrl(),
        "topic.prefix", env.topicPrefix()));
    Path settings = writeSettings(group, store);
    List<ChildProcess> launched = new ArrayList<>();
    List<String> uptimes = new ArrayList<>();
    Random schedule = new Random(options.seed());
    long start = System.nanoTime();
    try (LifecycleClients clients = LifecycleClients.fromConfig(config)) {
      registerBase(config, clients, store);
      sendExamples(clients);
      ChildProcess tuner = launch(settings, launched);
      String examplesTopic = clients.topics().trainingExamples().name();
      GroupLag lag = new GroupLag(env.admin());
      int kills = 0;
      while (kills < options.kills()) {
        // Kill only while a run trains; once an outcome is committed there is no run left to interrupt.
        if (!awaitTraining(tuner, clients, lag, group, examplesTopic)) {
          log.info("the run finished after {} kill(s); no run left to kill", kills);
          break;
        }
        long uptime = options.minUptime().toMillis()
            + (long) (schedule.nextDouble() * (options.maxUptime().toMillis() - options.minUptime().toMillis()));
        TimeUnit.MILLISECONDS.sleep(uptime); // the fault schedule: a random moment of the run
        kills++;
        log.info("kill {}/{}: SIGKILL to the fine-tuner (pid {}) {} ms into its training", kills, options.kills(),
            tuner.pid(), uptime);
        tuner.kill();
        uptimes.add(String.format(java.util.Locale.ROOT, "%.1f s", uptime / 1000.0));
        tuner = launch(settings, launched);
      }
      tuner.awaitCount(FineTunerChild.STARTED, 1, START_TIMEOUT);
      long deadline = System.nanoTime() + options.timeout().toNanos();
      List<ModelVersion> outcomes = outcomes(clients);
      while ((outcomes.isEmpty() || lag.of(group, examplesTopic) > 0) && System.nanoTime() < deadline) {
        TimeUnit.NANOSECONDS.sleep(CHECK_EVERY.toNanos()); // the outcome is only observable by reading again
        outcomes = outcomes(clients);
      }
      long committedLag = lag.of(group, examplesTopic);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      tuner.stop(Duration.ofSeconds(30));
      long distinct = outcomes.stream().map(ModelVersion::getVersion).distinct().count();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("uptimes before each kill", uptimes);
      details.put("outcomes", outcomes.stream().map(v -> v.getVersion() + " " + v.getStatus()).toList());
      details.put("examples not committed by the group", committedLag);
      details.put("versions in the model store", new FileSystemModelStore(store).versions());
      details.put("logs", env.logDirectory().toString());
      return new ChaosResult("crash fine-tuner", options.examples() + " rated examples (one run)",
          kills + " x SIGKILL after its training began", kills, options.examples(), outcomes.size(),
          outcomes.isEmpty() ? 1 : 0, Math.max(0, outcomes.size() - 1) + Math.max(0, distinct - 1), 0, elapsed,
          details);
    } finally {
      launched.forEach(ChildProcess::close);
    }
  }

  /**
   * Waits until {@code tuner} trains (true) or an outcome is committed with the examples' offsets (false).
   *
   * @throws ScenarioException when neither happens within the start timeout
   */
  private boolean awaitTraining(ChildProcess tuner, LifecycleClients clients, GroupLag lag, String group,
      String examplesTopic) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (tuner.count(TRAINING) > 0) {
        return true;
      }
      if (!tuner.isAlive()) {
        throw new ScenarioException("the fine-tuner (pid " + tuner.pid() + ") exited; see " + env.logDirectory());
      }
      if (tuner.count(FineTunerChild.STARTED) > 0 && !outcomes(clients).isEmpty()
          && lag.of(group, examplesTopic) == 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(CHECK_EVERY.toNanos()); // training is only observable in the child's output
    }
    throw new ScenarioException("the fine-tuner neither trained nor published an outcome within " + START_TIMEOUT
        + "; see " + env.logDirectory());
  }

  private Path copyBaseModel(Path store) throws IOException {
    Path source = baseStore.resolve(BaseTrainingOptions.VERSION);
    Path target = store.resolve(BaseTrainingOptions.VERSION);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return store;
  }

  private void registerBase(KefuConfig config, LifecycleClients clients, Path store)
      throws IOException, InterruptedException {
    FileSystemModelStore models = new FileSystemModelStore(store);
    try (ModelRegistryView view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions())) {
      view.start();
      if (!view.awaitCaughtUp(START_TIMEOUT)) {
        throw new ScenarioException("could not read model-versions within " + START_TIMEOUT);
      }
      try (LifecyclePublisher publisher = new LifecyclePublisher(config.kafkaClientProperties(),
          env.topicPrefix() + "chaos-operator", clients.topics().modelVersions(), view, Clock.systemUTC())) {
        publisher.registerBase(MODEL, BaseTrainingOptions.VERSION,
            models.directory(BaseTrainingOptions.VERSION).toUri().toString(),
            models.manifestSha256(BaseTrainingOptions.VERSION), Map.of(), Map.of());
      }
    }
  }

  private void sendExamples(LifecycleClients clients) {
    var topic = clients.topics().trainingExamples();
    List<Conversation> conversations = SeedCorpus.withDefaults().generate(Split.TRAIN, options.examples(),
        options.seed());
    try (KafkaProducer<String, TrainingExample> producer = new KafkaProducer<>(env.clientProperties(),
        topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (int i = 0; i < conversations.size(); i++) {
        Conversation c = conversations.get(i);
        String replyId = "chaos-reply-" + i;
        TrainingExample example = TrainingExample.newBuilder()
            .setExampleId("example-" + replyId).setReplyId(replyId).setConversationId(c.id())
            .setContext(List.of()).setCustomerMessage(c.customerMessage()).setReply(c.reply())
            .setRating(5).setComment(null).setWeight(1.0).setSource(ExampleSource.RATED_MODEL_REPLY)
            .setModelVersion(BaseTrainingOptions.VERSION).setLocale(c.lang() == Lang.ZH ? Locale.ZH : Locale.EN)
            .setRedactions(0).setCreatedAt(Instant.now()).build();
        acks.add(producer.send(new ProducerRecord<>(topic.name(), replyId, example)));
      }
      for (java.util.concurrent.Future<?> ack : acks) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new ScenarioException("could not send the training examples: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScenarioException("interrupted while sending the training examples", e);
    }
  }

  /** The committed model-versions records of versions other than the base. */
  private List<ModelVersion> outcomes(LifecycleClients clients) {
    String topic = clients.topics().modelVersions().name();
    try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", env.registryUrl()));
        CommittedOutputs outputs = new CommittedOutputs(env.clientProperties(), env.registryUrl(), Duration.ofMinutes(1))) {
      KefuAvroDeserializer<ModelVersion> deserializer = KefuAvroDeserializer.of(ModelVersion.class, registry);
      List<ModelVersion> out = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : outputs.readAll(topic)) {
        ModelVersion version = deserializer.deserialize(topic, record.value());
        if (!version.getVersion().equals(BaseTrainingOptions.VERSION)) {
          out.add(version);
        }
      }
      return out;
    }
  }

  private Path writeSettings(String group, Path store) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", env.bootstrapServers());
    all.put("schema.registry.url", env.registryUrl());
    all.put("topic.prefix", env.topicPrefix());
    all.put("data.dir", env.runDirectory().resolve("data-" + NAME).toString());
    all.put(FineTuneSettings.STORE_DIR, store.toString());
    all.put(FineTuneSettings.DEVICE, "cpu");
    all.put(FineTuneSettings.GROUP_ID, group);
    all.put(FineTuneSettings.TRANSACTIONAL_ID, group);
    all.put(FineTuneSettings.TRIGGER_EXAMPLES, Integer.toString(options.examples()));
    // A small run, so that it finishes soon after the last restart.
    all.put(FineTuneSettings.MAX_STEPS, "40");
    all.put(FineTuneSettings.TIME_BUDGET, "60s");
    all.put(FineTuneSettings.STAGES, "2");
    all.put(FineTuneSettings.EVAL_CASES, "20");
    all.put(FineTuneSettings.VALIDATION_CASES, "20");
    all.put(FineTuneSettings.REPLAY_POOL, "400");
    return ChildJvm.writeSettings(env.runDirectory().resolve(NAME + ".properties"), all,
        "settings of the fine-tuner in a chaos run");
  }

  private ChildProcess launch(Path settings, List<ChildProcess> launched) {
    ChildProcess child = ChildProcess.launch(new ChildSpec(NAME, FineTunerChild.class, List.of(settings.toString()),
        ChildJvm.serviceOptions(), ChildProcess.quietNativeThreads(), env.logDirectory().resolve(NAME + ".log"),
        List.of(FineTunerChild.STARTED, TRAINING)));
    launched.add(child);
    return child;
  }
}
