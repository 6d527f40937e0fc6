package io.kefu.finetune;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.canary.OperatorCommandFollower;
import io.kefu.model.ComputeDevice;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.ops.OpsEndpoints;
import io.kefu.ops.ServiceMeters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code kefu fine-tuner} wired from settings: follows model-versions, reads training-examples, fine-tunes the ACTIVE
 * version with the {@code finetune.*} settings, and obeys TRAIN_NOW / PAUSE_TRAINING / RESUME_TRAINING from
 * operator-commands (consumer group {@code <finetune.group.id>-commands}). Serves {@code /health/live},
 * {@code /health/ready} and {@code /metrics} on {@code finetune.http.port}: {@code kefu_finetune_runs_total},
 * {@code kefu_finetune_buffered_examples}, {@code kefu_finetune_paused}, {@code kefu_finetune_state} (1, tag
 * {@code state}) and the JVM's figures.
 */
public final class FineTunerService implements AutoCloseable {
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

  private final KefuConfig config;
  private final BaseCorpus corpus;
  private final String device;
  private final PrintStream progress;
  private LifecycleClients clients;
  private ModelRegistryView view;
  private FineTuner fineTuner;
  private OperatorCommandFollower commands;
  private ServiceMeters meters;
  private OpsEndpoints ops;

  /**
   * A service over {@code corpus} (replay sample and held-out set), training on {@code device} (auto, cpu or gpu),
   * drawing its progress bar on {@code progress} (null: none).
   */
  public FineTunerService(KefuConfig config, BaseCorpus corpus, String device, PrintStream progress) {
    this.config = config;
    this.corpus = corpus;
    this.device = device;
    this.progress = progress;
  }

  /**
   * The service of the settings alone: the seed corpus as base corpus ({@link SeedBaseCorpus#fromConfig}), training
   * on {@code finetune.device}, its progress bar on {@code progress} (null: none) — what {@code kefu fine-tuner} runs.
   */
  public static FineTunerService fromConfig(KefuConfig config, PrintStream progress) {
    return new FineTunerService(config, SeedBaseCorpus.fromConfig(config), config.get(FineTuneSettings.DEVICE),
        progress);
  }

  /** The model store directory: {@code finetune.store.dir}, or {@code <data.dir>/models}. */
  public static Path storeDirectory(KefuConfig config) {
    String dir = config.getOrNull(FineTuneSettings.STORE_DIR);
    return dir != null ? Path.of(dir) : Path.of(config.get(CoreSettings.DATA_DIR)).resolve("models");
  }

  /** Reads model-versions to its end, then starts the fine-tuner and the command follower. */
  public synchronized void start() {
    if (fineTuner != null) {
      throw new IllegalStateException("fine-tuner service is already started");
    }
    try {
      startOps();
      clients = LifecycleClients.fromConfig(config);
      view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions());
      view.start();
      if (!view.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
        throw new IllegalStateException("could not read model-versions within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
      }
      String modelName = config.get(LifecycleSettings.MODEL_NAME);
      FineTuneRun run = new FineTuneRun(modelName, new FileSystemModelStore(storeDirectory(config)),
          ComputeDevice.parse(device).resolve(), corpus,
          new TrainingSetBuilder(NegativeMode.parse(config.get(FineTuneSettings.NEGATIVES)),
              config.getInt(FineTuneSettings.NEGATIVE_MAX_STARS), config.getDouble(FineTuneSettings.NEGATIVE_SCALE),
              config.getDouble(FineTuneSettings.REPLAY_RATIO),
              TrainingSetBuilder.parseReplayLoss(config.get(FineTuneSettings.REPLAY_LOSS)),
              config.getDouble(FineTuneSettings.HELDOUT_SHARE), config.getLong(FineTuneSettings.SEED)),
          FineTuneRecipe.fromConfig(config), new ModelEvaluator(corpus, config.getInt(FineTuneSettings.EVAL_CASES),
              config.getInt(FineTuneSettings.VALIDATION_CASES)),
          GatePolicy.fromConfig(config), progress, RunObserver.NONE, Clock.systemUTC());
      String groupId = config.get(FineTuneSettings.GROUP_ID);
      fineTuner = new FineTuner(config.kafkaClientProperties(), new FineTuner.Options(modelName, groupId,
          config.get(FineTuneSettings.TRANSACTIONAL_ID), config.getInt(FineTuneSettings.TRIGGER_EXAMPLES),
          config.getDuration(FineTuneSettings.TRIGGER_INTERVAL), config.getInt(FineTuneSettings.MIN_EXAMPLES)),
          clients.topics().trainingExamples(), clients.topics().modelVersions(), view, run, Clock.systemUTC());
      fineTuner.start();
      commands = new OperatorCommandFollower(config.kafkaClientProperties(), groupId + "-commands",
          clients.topics().operatorCommands(), fineTuner::handle);
      commands.start();
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot open the model store " + storeDirectory(config), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while starting the fine-tuner", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void startOps() {
    meters = new ServiceMeters();
    FunctionCounter.builder("kefu.finetune.runs", this, s -> s.currentStatus().map(FineTunerStatus::runs).orElse(0L))
        .description("Fine-tune runs finished (an outcome published)").register(meters.registry());
    Gauge.builder("kefu.finetune.buffered.examples", this,
            s -> s.currentStatus().map(FineTunerStatus::bufferedExamples).orElse(0))
        .description("New training examples waiting for the next run").register(meters.registry());
    Gauge.builder("kefu.finetune.paused", this, s -> s.currentStatus().map(t -> t.paused() ? 1 : 0).orElse(0))
        .description("1 while an operator has paused fine-tuning").register(meters.registry());
    for (FineTunerStatus.State state : FineTunerStatus.State.values()) {
      Gauge.builder("kefu.finetune.state", this, s -> s.currentStatus().map(t -> t.state() == state ? 1 : 0).orElse(0))
          .tag("state", state.name()).description("1 for the fine-tuner's current phase").register(meters.registry());
    }
    ops = new OpsEndpoints(this::isLive, this::isReady, this::describe, meters::scrape);
    ops.start(config.get(CoreSettings.HTTP_HOST), config.getInt(FineTuneSettings.HTTP_PORT));
  }

  private synchronized Optional<FineTunerStatus> currentStatus() {
    return fineTuner == null ? Optional.empty() : Optional.of(fineTuner.status());
  }

  /** Live while started and neither failed nor stopped. */
  public synchronized boolean isLive() {
    return currentStatus().map(s -> s.state() != FineTunerStatus.State.FAILED
        && s.state() != FineTunerStatus.State.STOPPED).orElse(false);
  }

  private synchronized String describe() {
    return currentStatus().map(s -> s.state() + (s.paused() ? " (paused)" : "") + ", " + s.bufferedExamples()
        + " examples waiting, " + s.runs() + " runs" + (s.failure() == null ? "" : ", failure: " + s.failure()))
        .orElse("not started");
  }

  /** The port of the health and metrics endpoints; only while started. */
  public synchronized int httpPort() {
    if (ops == null) {
      throw new IllegalStateException("fine-tuner service is not started");
    }
    return ops.port();
  }

  /**
   * True once the fine-tuner has its training-examples partitions and the command follower its operator-commands
   * partitions, so a TRAIN_NOW sent from now on is heard.
   */
  public synchronized boolean isReady() {
    return fineTuner != null && fineTuner.status().state() != FineTunerStatus.State.STARTING && commands != null
        && commands.isAssigned();
  }

  /** What the fine-tuner is doing; only while started. */
  public synchronized FineTunerStatus status() {
    if (fineTuner == null) {
      throw new IllegalStateException("fine-tuner service is not started");
    }
    return fineTuner.status();
  }

  /** Stops the command follower, the fine-tuner (after its current run) and the view; safe to call twice. */
  public synchronized void stop() {
    if (commands != null) {
      commands.stop();
      commands = null;
    }
    if (fineTuner != null) {
      fineTuner.stop();
      fineTuner = null;
    }
    if (view != null) {
      view.stop();
      view = null;
    }
    if (clients != null) {
      clients.close();
      clients = null;
    }
    if (ops != null) {
      ops.close();
      ops = null;
    }
    if (meters != null) {
      meters.close();
      meters = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
