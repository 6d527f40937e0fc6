package io.kefu.simulator;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import io.kefu.simulator.corpus.SeedCorpusAssessor;
import io.kefu.simulator.corpus.SeedCorpusScenarios;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kefu simulate} wired from settings: customers from the seed corpus's held-out split (seed
 * {@code simulator.seed}), judged by the corpus's reply judge and rated by the hidden preference
 * ({@code simulator.preference.*}, {@code simulator.noise}), at {@code simulator.rate} messages per second, for
 * {@code simulator.messages} messages or until stopped; a simulated operator answers handoffs when
 * {@code simulator.operator.answers} is set; a progress line every {@code simulator.progress.interval}.
 *
 * <pre>{@code
 * SimulatorService service = SimulatorService.fromConfig(config, System.out);
 * service.start();
 * service.awaitFinished(Duration.ofHours(1));   // bounded plans; endless ones run until stop()
 * service.stop();                               // prints the final line
 * }</pre>
 */
public final class SimulatorService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);

  private final KefuConfig config;
  private final SimulationPlan plan;
  private final CustomerScenarios scenarios;
  private final ReplyAssessor assessor;
  private final HiddenPreference preference;
  private final Duration progressInterval;
  private final PrintStream progress;
  private final Clock clock;
  private SchemaRegistryClient registry;
  private CustomerSimulator simulator;
  private ScheduledExecutorService ticker;

  /** A service running {@code plan} with these customers, eyes and preference, printing to {@code progress}. */
  public SimulatorService(KefuConfig config, SimulationPlan plan, CustomerScenarios scenarios, ReplyAssessor assessor,
      HiddenPreference preference, Duration progressInterval, PrintStream progress, Clock clock) {
    if (progressInterval.isZero() || progressInterval.isNegative()) {
      throw new IllegalArgumentException("progress interval must be positive, was " + progressInterval);
    }
    this.config = config;
    this.plan = plan;
    this.scenarios = scenarios;
    this.assessor = assessor;
    this.preference = preference;
    this.progressInterval = progressInterval;
    this.progress = progress;
    this.clock = clock;
  }

  /** The service the {@code simulator.*} settings describe, over the seed corpus, printing to {@code progress}. */
  public static SimulatorService fromConfig(KefuConfig config, PrintStream progress) {
    Clock clock = Clock.systemUTC();
    String runId = config.get(SimulatorSettings.RUN_ID).trim();
    if (runId.isEmpty()) {
      runId = "sim-" + clock.millis();
    }
    return new SimulatorService(config, SimulationPlan.fromConfig(config, runId),
        new SeedCorpusScenarios(config.getLong(SimulatorSettings.SEED)), new SeedCorpusAssessor(),
        HiddenPreference.fromConfig(config), config.getDuration(SimulatorSettings.PROGRESS_INTERVAL), progress, clock);
  }

  /** What this service simulates. */
  public SimulationPlan plan() {
    return plan;
  }

  /** Creates missing topics (when {@code topic.create} is set), then starts the simulation and the progress line. */
  public synchronized void start() {
    if (simulator != null) {
      throw new IllegalStateException("simulation " + plan.runId() + " is already started");
    }
    try {
      TopicCatalogue catalogue = TopicCatalogue.load(config.get(CoreSettings.TOPIC_PREFIX));
      if (config.getBoolean(CoreSettings.TOPIC_CREATE)) {
        try (Admin admin = Admin.create(Map.copyOf(config.kafkaClientProperties()))) {
          new TopicAdmin(admin).ensureTopics(catalogue.all());
        }
      }
      registry = SchemaRegistryClients.fromConfig(config.schemaRegistryProperties());
      KefuTopics topics = KefuTopics.create(catalogue, registry, config.getBoolean(CoreSettings.SCHEMA_AUTO_REGISTER));
      simulator = new CustomerSimulator(config.kafkaClientProperties(), topics, scenarios, assessor, preference, plan,
          clock);
      simulator.start();
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kefu-simulator-progress-" + plan.runId());
        t.setDaemon(true);
        return t;
      });
      long every = progressInterval.toMillis();
      ticker.scheduleAtFixedRate(this::printProgress, every, every, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void printProgress() {
    CustomerSimulator running = simulator;
    if (running != null) {
      progress.println(SimulationProgress.line(plan.runId(), plan.messages(), running.report()));
      progress.flush();
    }
  }

  /**
   * Waits until every message of a bounded plan was answered and every rating sent.
   *
   * @return true when done, false when {@code timeout} passed first
   * @throws IllegalStateException when the simulation failed, sends until stopped, or is not started
   */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return running().awaitAnswered(timeout);
  }

  /** What the simulation did so far; only while started. */
  public SimulationReport report() {
    return running().report();
  }

  private synchronized CustomerSimulator running() {
    if (simulator == null) {
      throw new IllegalStateException("simulation " + plan.runId() + " is not started");
    }
    return simulator;
  }

  /** Stops the progress line and the simulation, prints the final line; safe to call twice. */
  public synchronized void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    if (simulator != null) {
      simulator.stop();
      progress.println(SimulationProgress.line(plan.runId(), plan.messages(), simulator.report()) + " (stopped)");
      progress.flush();
      log.info("simulation {} stopped", plan.runId());
      simulator = null;
    }
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
