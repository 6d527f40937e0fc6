package io.kefu.lifecycle.canary;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.LifecycleClients;
import io.kefu.lifecycle.LifecyclePublisher;
import io.kefu.lifecycle.LifecycleSettings;
import io.kefu.lifecycle.ModelRegistryView;
import io.kefu.ops.OpsEndpoints;
import io.kefu.ops.ServiceMeters;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canary controller as a service: follows model-versions and ops-metrics, checks the running canary every
 * {@code canary.check.interval}, and carries out operators' PROMOTE / ROLL_BACK commands from operator-commands.
 * Serves {@code /health/live}, {@code /health/ready} and {@code /metrics} on {@code canary.http.port}:
 * {@code kefu_canary_checks_total} (tag {@code verdict}), {@code kefu_canary_check_failures_total},
 * {@code kefu_canary_running} (1 while a canary runs) and the JVM's figures.
 */
public final class CanaryControllerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CanaryControllerService.class);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

  private final KefuConfig config;
  private final Clock clock;
  private LifecycleClients clients;
  private ModelRegistryView view;
  private OpsMetricsRatings ratings;
  private LifecyclePublisher publisher;
  private CanaryController controller;
  private OperatorCommandFollower commands;
  private ScheduledExecutorService checks;
  private ServiceMeters meters;
  private OpsEndpoints ops;
  private final Map<CanaryDecision.Verdict, Counter> verdicts = new EnumMap<>(CanaryDecision.Verdict.class);
  private Counter checkFailures;

  public CanaryControllerService(KefuConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Starts following the topics, then the periodic checks and the command follower. */
  public synchronized void start() {
    if (controller != null) {
      throw new IllegalStateException("canary controller is already started");
    }
    try {
      startOps();
      clients = LifecycleClients.fromConfig(config);
      view = new ModelRegistryView(config.kafkaClientProperties(), clients.topics().modelVersions());
      view.start();
      ratings = new OpsMetricsRatings(config.kafkaClientProperties(), clients.topics().opsMetrics());
      ratings.start();
      if (!view.awaitCaughtUp(CATCH_UP_TIMEOUT) || !ratings.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
        throw new IllegalStateException("canary controller could not read model-versions and ops-metrics within "
            + CATCH_UP_TIMEOUT.toSeconds() + " s");
      }
      publisher = new LifecyclePublisher(config.kafkaClientProperties(),
          config.get(LifecycleSettings.TRANSACTIONAL_ID), clients.topics().modelVersions(), view, clock);
      controller = CanaryController.fromConfig(config, view, publisher, ratings, clock);
      commands = new OperatorCommandFollower(config.kafkaClientProperties(),
          config.get(LifecycleSettings.CANARY_GROUP_ID), clients.topics().operatorCommands(), controller::handle);
      commands.start();
      Duration interval = config.getDuration(LifecycleSettings.CANARY_CHECK_INTERVAL);
      checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kefu-canary-checks");
        t.setDaemon(true);
        return t;
      });
      checks.scheduleWithFixedDelay(this::checkSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
      log.info("canary controller of {} started: checks every {}", controller.modelName(), interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while starting the canary controller", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void startOps() {
    meters = new ServiceMeters();
    for (CanaryDecision.Verdict verdict : CanaryDecision.Verdict.values()) {
      verdicts.put(verdict, Counter.builder("kefu.canary.checks").tag("verdict", verdict.name())
          .description("Canary checks by verdict").register(meters.registry()));
    }
    checkFailures = Counter.builder("kefu.canary.check.failures")
        .description("Canary checks that failed with an error (retried at the next interval)")
        .register(meters.registry());
    meters.registry().gauge("kefu.canary.running", this, CanaryControllerService::canaryRunning);
    ops = new OpsEndpoints(this::isLive, this::isReady, this::describe, meters::scrape);
    ops.start(config.get(CoreSettings.HTTP_HOST), config.getInt(LifecycleSettings.CANARY_HTTP_PORT));
  }

  private synchronized double canaryRunning() {
    return controller != null && view.canary(controller.modelName()).isPresent() ? 1 : 0;
  }

  /** Live while the periodic checks are scheduled. */
  public synchronized boolean isLive() {
    return checks != null && !checks.isShutdown();
  }

  /** Ready while live and the model-versions view is caught up and healthy. */
  public synchronized boolean isReady() {
    return isLive() && view != null && view.isReady();
  }

  private synchronized String describe() {
    if (controller == null) {
      return "not started";
    }
    return view.canary(controller.modelName()).map(c -> "canary " + c.getVersion() + " of " + controller.modelName())
        .orElse("no canary of " + controller.modelName());
  }

  /** The port of the health and metrics endpoints; only while started. */
  public synchronized int httpPort() {
    if (ops == null) {
      throw new IllegalStateException("canary controller is not started");
    }
    return ops.port();
  }

  private void checkSafely() {
    try {
      controller.checkOnce().ifPresent(d -> {
        verdicts.get(d.verdict()).increment();
        log.debug("canary check: {} ({})", d.verdict(), d.reason());
      });
    } catch (RuntimeException e) {
      checkFailures.increment();
      log.error("canary check of {} failed; retrying at the next interval", controller.modelName(), e);
    }
  }

  /** The controller, for tools that act through it; only while started. */
  public synchronized CanaryController controller() {
    if (controller == null) {
      throw new IllegalStateException("canary controller is not started");
    }
    return controller;
  }

  /** The model-versions view; only while started. */
  public synchronized ModelRegistryView view() {
    if (view == null) {
      throw new IllegalStateException("canary controller is not started");
    }
    return view;
  }

  /** Stops checks, the command follower, the publisher and the followers; safe to call twice. */
  public synchronized void stop() {
    if (checks != null) {
      checks.shutdownNow();
      try {
        if (!checks.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("a canary check was still running 30 s after stop was asked");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.warn("interrupted while waiting for the canary checks to stop");
      }
      checks = null;
    }
    if (commands != null) {
      commands.stop();
      commands = null;
    }
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
    if (ratings != null) {
      ratings.close();
      ratings = null;
    }
    if (view != null) {
      view.stop();
      view = null;
    }
    if (clients != null) {
      clients.close();
      clients = null;
    }
    controller = null;
    if (ops != null) {
      ops.close();
      ops = null;
    }
    if (meters != null) {
      meters.close();
      meters = null;
    }
    verdicts.clear();
  }

  @Override
  public void close() {
    stop();
  }
}
