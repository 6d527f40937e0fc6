package io.kefu.reply;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.model.ComputeDevice;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.reply.serving.ArtifactLoader;
import io.kefu.reply.serving.BaseModelBootstrap;
import io.kefu.reply.serving.ModelServing;
import io.kefu.reply.serving.ModelStoreDirectory;
import io.kefu.reply.serving.RefusalReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kefu reply-service} wired from settings: the base model in the store (trained on first start), registered
 * as ACTIVE when model-versions names none, the versions model-versions names served by {@link ModelServing}, and
 * the {@link ReplyService} answering with them.
 *
 * <pre>{@code
 * ReplyServiceApp app = ReplyServiceApp.fromConfig(config, System.err);
 * app.start();   // may train the base model first (progress on the stream)
 * ...            // app.activeVersion(), app.canaryVersion(), app.httpPort()
 * app.stop();
 * }</pre>
 */
public final class ReplyServiceApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyServiceApp.class);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

  private final KefuConfig config;
  private final PrintStream progress;
  private final ReplyOptions options;
  private final ComputeDevice device;
  private final String modelName;
  private final Path storeDirectory;

  private LifecycleClients clients;
  private ModelRegistryView view;
  private LifecyclePublisher publisher;
  private volatile ModelServing serving;
  private ReplyService service;

  private ReplyServiceApp(KefuConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
    this.options = ReplyOptions.from(config);
    this.device = device(config);
    this.modelName = config.get(LifecycleSettings.MODEL_NAME);
    this.storeDirectory = ModelStoreDirectory.of(config).toAbsolutePath();
  }

  /**
   * An unstarted app; checks the settings now. An empty {@code reply.instance.id} is fixed to one random id here, so
   * that the service's transactional.id and the id it reports refusals with agree.
   *
   * @param progress where base training and start-up steps are reported (null: nowhere)
   * @throws ConfigException naming the setting when a value is out of range
   */
  public static ReplyServiceApp fromConfig(KefuConfig config, PrintStream progress) {
    KefuConfig resolved = config.get(ReplySettings.INSTANCE_ID).isBlank()
        ? config.with(Map.of(ReplySettings.INSTANCE_ID, UUID.randomUUID().toString()))
        : config;
    return new ReplyServiceApp(resolved,
        progress != null ? progress : new PrintStream(OutputStream.nullOutputStream(), true));
  }

  private static ComputeDevice device(KefuConfig config) {
    try {
      return ComputeDevice.parse(config.get(ReplySettings.MODEL_DEVICE));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + ReplySettings.MODEL_DEVICE + "': " + e.getMessage(), e);
    }
  }

  /**
   * Ensures the base model, follows model-versions (registering the base model as ACTIVE when none is), loads the
   * served versions and starts the reply service; on failure stops what it started and rethrows.
   */
  public synchronized void start() {
    if (service != null) {
      throw new IllegalStateException("reply service app " + options.instanceId() + " is already started");
    }
    try {
      BaseTrainingOptions defaults = BaseTrainingOptions.defaults(storeDirectory);
      ModelArtifact base = BaseModelBootstrap.ensureStored(onDevice(defaults), progress);
      clients = LifecycleClients.fromConfig(config);
      view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions());
      view.start();
      if (!view.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
        throw new IllegalStateException("could not read " + clients.topics().modelVersions().name() + " within "
            + CATCH_UP_TIMEOUT.toSeconds() + " s");
      }
      publisher = new LifecyclePublisher(config.kafkaClientProperties(), lifecycleTransactionalId(),
          clients.topics().modelVersions(), view, Clock.systemUTC());
      BaseModelBootstrap.registerIfNoActive(view, publisher, modelName, base).ifPresent(r -> {
        log.info("registered the base model {}:{} as the ACTIVE version", r.getModelName(), r.getVersion());
        progress.printf("registered %s:%s as the ACTIVE version%n", r.getModelName(), r.getVersion());
      });
      serving = new ModelServing(view, modelName,
          new ArtifactLoader(new FileSystemModelStore(storeDirectory), device.resolve()),
          new RefusalReporter(publisher, ReplyService.SERVICE_NAME + " instance " + options.instanceId()),
          options.engineOptions(), options.sampling());
      serving.start();
      service = new ReplyService(config, serving.generator());
      service.start();
      progress.printf("reply service %s answering with %s:%s%s on %s; health and metrics on port %d%n",
          options.instanceId(), modelName, activeVersion().orElse("?"),
          canaryVersion().map(c -> " (canary " + c + ")").orElse(""), device, service.httpPort());
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot use the model store " + storeDirectory + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while starting the reply service", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private BaseTrainingOptions onDevice(BaseTrainingOptions o) {
    return new BaseTrainingOptions(o.storeDirectory(), o.modelName(), o.version(), o.trainConversations(),
        o.heldOutConversations(), o.merges(), o.contextLength(), o.layers(), o.heads(), o.width(), o.steps(),
        o.batchSize(), o.peakLearningRate(), o.dropout(), o.weightDecay(), o.timeBudget(), o.seed(), device);
  }

  /** The transactional id with which this instance writes to model-versions (base registration, refusals). */
  public String lifecycleTransactionalId() {
    return options.groupId() + "-" + options.instanceId() + "-lifecycle";
  }

  /** Stops the reply service (finishing its current poll), model serving, and the model-versions clients. */
  public synchronized void stop() {
    if (service != null) {
      service.stop();
      service = null;
    }
    if (serving != null) {
      serving.close();
      serving = null;
    }
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
    if (view != null) {
      view.stop();
      view = null;
    }
    if (clients != null) {
      clients.close();
      clients = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The running reply service; only while started. */
  public synchronized ReplyService service() {
    if (service == null) {
      throw new IllegalStateException("reply service app " + options.instanceId() + " is not started");
    }
    return service;
  }

  /** The model serving behind the reply service; only while started. */
  public synchronized ModelServing modelServing() {
    if (serving == null) {
      throw new IllegalStateException("reply service app " + options.instanceId() + " is not started");
    }
    return serving;
  }

  /** The port of the health and metrics endpoints; -1 when not started. */
  public synchronized int httpPort() {
    return service == null ? -1 : service.httpPort();
  }

  /** The version serving conversations not on the canary; empty when not started. */
  public Optional<String> activeVersion() {
    ModelServing current = serving;
    return current == null ? Optional.empty() : current.activeVersion();
  }

  /** The canary version serving a share of conversations, if any. */
  public Optional<String> canaryVersion() {
    ModelServing current = serving;
    return current == null ? Optional.empty() : current.canaryVersion();
  }

  /** This instance's name (client ids, transactional ids). */
  public String instanceId() {
    return options.instanceId();
  }

  /** The model store directory. */
  public Path storeDirectory() {
    return storeDirectory;
  }

  /** The model name on model-versions ({@code lifecycle.model.name}). */
  public String modelName() {
    return modelName;
  }
}
