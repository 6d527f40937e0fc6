package io.kefu.reply.serving;

import io.kefu.contract.ModelVersion;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.lifecycle.ModelVersionKey;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.EngineStats;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.model.store.CorruptArtifactException;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.generate.ReplyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the model versions model-versions names: the ACTIVE version on one engine and, while a CANARY runs, the
 * canary on a second, behind one {@link ReplyGenerator} that routes each conversation to one of them.
 *
 * <p>Every change on the topic is acted on by one worker thread, off the view's thread: a new ACTIVE version is
 * loaded verified ({@link ArtifactLoader}) and swapped into the active engine between two decode steps, so replies
 * already started finish on the old version and every reply is written by exactly one version; a new CANARY gets its
 * own engine; a canary that is no longer one stops receiving conversations, finishes what it started and is closed.
 * An artifact that fails verification is refused: logged, reported on model-versions ({@link RefusalReporter}) and
 * never retried, while serving goes on with the versions already loaded.
 */
public final class ModelServing implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelServing.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final ModelRegistryView view;
  private final String modelName;
  private final ArtifactLoader loader;
  private final RefusalReporter reporter;
  private final EngineOptions engineOptions;
  private final SamplingSettings sampling;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kefu-model-serving");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean reconcilePending = new AtomicBoolean();
  /** Versions whose artifact was refused, as {@code <version>@<manifestSha256>}: never loaded again. */
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  private volatile boolean closed;
  private volatile ActiveEngine active;
  private volatile RoutingReplyGenerator router;
  /** Only the worker thread (or close, after the worker stopped) touches the canary. */
  private CanaryEngine canary;

  /**
   * A server of {@code modelName}'s versions as {@code view} (started and caught up) names them.
   *
   * @param loader loads verified artifacts
   * @param reporter reports refused artifacts on model-versions
   * @param engineOptions limits of each engine
   * @param sampling how replies are decoded
   */
  public ModelServing(ModelRegistryView view, String modelName, ArtifactLoader loader, RefusalReporter reporter,
      EngineOptions engineOptions, SamplingSettings sampling) {
    this.view = Objects.requireNonNull(view, "view");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.engineOptions = Objects.requireNonNull(engineOptions, "engineOptions");
    this.sampling = Objects.requireNonNull(sampling, "sampling");
  }

  /**
   * Loads the ACTIVE version (and the CANARY, if one runs) and starts following model-versions; returns once both
   * serve.
   *
   * @throws IllegalStateException when no ACTIVE version is registered, or its artifact is refused and no earlier
   *     version could be reinstated
   * @throws UncheckedIOException when the ACTIVE artifact cannot be read
   */
  public synchronized void start() {
    if (router != null) {
      throw new IllegalStateException("model serving of " + modelName + " is already started");
    }
    if (closed) {
      throw new IllegalStateException("model serving of " + modelName + " is closed");
    }
    view.checkHealthy();
    LanguageModel first = loadInitialActive();
    active = new ActiveEngine(first, engineOptions);
    router = new RoutingReplyGenerator(new EngineReplyGenerator(active.engine(), sampling));
    log.info("serving {}:{} as the ACTIVE version", modelName, first.version());
    view.addListener(record -> {
      if (record.getModelName().equals(modelName)) {
        requestReconcile();
      }
    });
    try {
      worker.submit(this::reconcileSafely).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the canary of " + modelName, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not load the canary of " + modelName + " within " + START_TIMEOUT, e);
    }
  }

  /** The generator the reply service holds: routes each conversation to the active or the canary version. */
  public synchronized ReplyGenerator generator() {
    if (router == null) {
      throw new IllegalStateException("model serving of " + modelName + " is not started");
    }
    return router;
  }

  /** The version new conversations not on the canary are served by; empty before start. */
  public Optional<String> activeVersion() {
    ActiveEngine current = active;
    return current == null ? Optional.empty() : Optional.of(current.servingVersion());
  }

  /** The canary version a share of conversations is routed to, if any. */
  public Optional<String> canaryVersion() {
    RoutingReplyGenerator current = router;
    return current == null ? Optional.empty() : current.canaryVersion();
  }

  /** The share of conversations routed to the canary; 0 without one. */
  public double canaryShare() {
    RoutingReplyGenerator current = router;
    return current == null ? 0.0 : current.canaryShare();
  }

  /** A snapshot of the active version's engine: sequences decoding and waiting, versions still draining. */
  public EngineStats activeEngineStats() {
    ActiveEngine current = active;
    if (current == null) {
      throw new IllegalStateException("model serving of " + modelName + " is not started");
    }
    return current.engine().stats();
  }

  private LanguageModel loadInitialActive() {
    while (true) {
      ModelVersion record = view.active(modelName).orElseThrow(() -> new IllegalStateException(
          "model-versions names no ACTIVE version of model " + modelName + "; register a base model first"));
      try {
        return loader.load(record);
      } catch (CorruptArtifactException e) {
        refuse(record, e, "nothing (starting)");
        boolean unchanged = view.active(modelName).map(ModelVersion::getVersion)
            .filter(record.getVersion()::equals).isPresent();
        if (unchanged) {
          throw new IllegalStateException("cannot serve model " + modelName + ": the artifact of its ACTIVE version "
              + record.getVersion() + " is refused (" + e.getMessage() + ") and no earlier version was reinstated", e);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the ACTIVE version " + ModelVersionKey.of(record) + ": "
            + e.getMessage(), e);
      }
    }
  }

  private void requestReconcile() {
    if (closed || !reconcilePending.compareAndSet(false, true)) {
      return; // a pending pass will read the view as it is by then
    }
    worker.execute(() -> {
      reconcilePending.set(false);
      reconcileSafely();
    });
  }

  private void reconcileSafely() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      log.error("acting on model-versions of {} failed; serving goes on with {} (canary {})", modelName,
          active.targetVersion(), canary == null ? "none" : canary.version(), e);
    }
  }

  /** Brings the engines in line with what the view says now; runs on the worker thread. */
  private void reconcile() {
    if (closed) {
      return;
    }
    Optional<ModelVersion> wantedActive = view.active(modelName);
    if (wantedActive.isPresent() && !wantedActive.get().getVersion().equals(active.targetVersion())
        && !isRefused(wantedActive.get())) {
      swapActive(wantedActive.get());
    }
    Optional<ModelVersion> wantedCanary = view.canary(modelName);
    if (canary != null && !wantedCanary.map(ModelVersion::getVersion).equals(Optional.of(canary.version()))) {
      retireCanary(wantedCanary.isPresent() ? "replaced by canary " + wantedCanary.get().getVersion()
          : "it is " + view.latest(modelName, canary.version()).map(r -> r.getStatus().name()).orElse("gone"));
    }
    if (wantedCanary.isPresent()) {
      ModelVersion record = wantedCanary.get();
      if (canary == null && !isRefused(record)) {
        startCanary(record);
      } else if (canary != null && router.canaryShare() != record.getCanaryShare()) {
        router.routeCanary(canary.version(), new EngineReplyGenerator(canary.engine(), sampling),
            record.getCanaryShare());
        log.info("canary {}:{} now serves {} of conversations", modelName, canary.version(), record.getCanaryShare());
      }
    }
  }

  /**
   * Swaps the ACTIVE version in and waits until the previous one has finished its replies, so that a canary retired
   * next hands its conversations to the new version only.
   */
  private void swapActive(ModelVersion record) {
    String previous = active.targetVersion();
    LanguageModel next = loadOrRefuse(record, previous);
    if (next == null) {
      return;
    }
    CompletableFuture<Void> handedOver = active.swap(next);
    log.info("{}:{} takes over new replies from {} at the next decode step ({})", modelName, record.getVersion(),
        previous, record.getReason());
    try {
      handedOver.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      log.info("{}:{} finished its last reply and is closed", modelName, previous);
    } catch (TimeoutException e) {
      log.warn("{}:{} still has replies in progress {} after the swap to {}", modelName, previous, STOP_TIMEOUT,
          record.getVersion());
    } catch (ExecutionException e) {
      log.error("closing {}:{} after the swap to {} failed", modelName, previous, record.getVersion(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + previous + " finished its replies", e);
    }
  }

  private void startCanary(ModelVersion record) {
    LanguageModel model = loadOrRefuse(record, active.targetVersion());
    if (model == null) {
      return;
    }
    canary = new CanaryEngine(record.getVersion(), new GenerationEngine(model, engineOptions), model);
    router.routeCanary(record.getVersion(), new EngineReplyGenerator(canary.engine(), sampling),
        record.getCanaryShare());
    log.info("canary {}:{} serves {} of conversations next to {}", modelName, record.getVersion(),
        record.getCanaryShare(), active.targetVersion());
  }

  private void retireCanary(String why) {
    CanaryEngine retiring = canary;
    canary = null;
    router.stopCanary();
    retiring.close();
    log.info("canary {}:{} stopped ({}); its conversations go to {}", modelName, retiring.version(), why,
        active.targetVersion());
  }

  /** The verified model of {@code record}, or null when it is refused or cannot be read (both logged). */
  private LanguageModel loadOrRefuse(ModelVersion record, String servingInstead) {
    try {
      return loader.load(record);
    } catch (CorruptArtifactException e) {
      refuse(record, e, servingInstead);
      return null;
    } catch (IOException | RuntimeException e) {
      log.error("cannot load {} ({}); serving goes on with {} and the load is tried again on the next model-versions"
          + " record", ModelVersionKey.of(record), record.getStatus(), servingInstead, e);
      return null;
    }
  }

  private void refuse(ModelVersion record, CorruptArtifactException e, String servingInstead) {
    refused.add(record.getVersion() + "@" + record.getManifestSha256());
    log.error("refusing {} ({}): {} failed verification; serving goes on with {}", ModelVersionKey.of(record),
        record.getStatus(), e.file(), servingInstead, e);
    reporter.report(record, e);
  }

  private boolean isRefused(ModelVersion record) {
    return refused.contains(record.getVersion() + "@" + record.getManifestSha256());
  }

  /** Stops following model-versions, finishes started replies on every engine, and closes engines and models. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("model serving of {} was still loading a version {} after close", modelName, STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted while waiting for model serving of {} to finish its current step", modelName);
    }
    if (canary != null) {
      router.stopCanary();
      canary.close();
      canary = null;
    }
    if (active != null) {
      active.close();
    }
  }
}
