package io.kefu.poison;

import io.kefu.model.store.ModelArtifact;
import io.kefu.poison.cases.Outcome;
import io.kefu.poison.env.LivenessReport;
import io.kefu.poison.env.LivenessWatch;
import io.kefu.chaos.env.ChaosEnvironment;
import io.kefu.poison.env.MatrixServices;
import io.kefu.poison.env.SmallModel;
import io.kefu.poison.report.MatrixReport;
import io.kefu.kafka.admin.GroupLag;
import io.kefu.poison.run.InputWriter;
import io.kefu.poison.run.MatrixRun;
import io.kefu.poison.verify.CommittedOutputs;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Runs the poison matrix: a real embedded broker and registry, a small real model trained in-process, the real reply
 * service and feedback stream, every case written between good inputs, and a verdict per case.
 *
 * <pre>{@code
 * MatrixReport report = new PoisonMatrix(MatrixOptions.builder().setWorkDirectory(dir).build()).run();
 * System.out.print(OutcomeTable.render(report));
 * }</pre>
 */
public final class PoisonMatrix {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final MatrixOptions options;

  public PoisonMatrix(MatrixOptions options) {
    this.options = options;
  }

  /**
   * Starts everything, runs every case, stops everything, and reports.
   *
   * @throws IllegalStateException when the services cannot be started (the cases are not judged then)
   */
  public MatrixReport run() {
    long started = System.nanoTime();
    Path work = options.workDirectory();
    var progress = options.progress();
    Path data = work.resolve("data");
    // The model trains while the broker and registry start: both take seconds, and neither needs the other.
    ExecutorService trainer = Executors.newSingleThreadExecutor(r -> new Thread(r, "kefu-poison-train"));
    Future<ModelArtifact> model = trainer.submit(() -> SmallModel.ensureStored(data.resolve("models"), progress));
    trainer.shutdown();
    try (ChaosEnvironment env = ChaosEnvironment.start(work, options.topicPrefix())) {
      progress.printf("broker %s, registry %s, topics with prefix '%s'%n", env.bootstrapServers(), env.registryUrl(),
          options.topicPrefix());
      model.get();
      progress.printf("small model ready after %d s; starting the services%n", seconds(started));
      try (MatrixServices services = MatrixServices.start(env, data, progress, START_TIMEOUT);
          LivenessWatch watch = LivenessWatch.start(services);
          SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url",
              env.registryUrl()));
          InputWriter writer = new InputWriter(env.clientProperties());
          CommittedOutputs outputs = new CommittedOutputs(env.clientProperties(), registry, env.topics())) {
        long duplicateRatings = options.catalogue().cases().stream()
            .filter(c -> c.expected().outcome() == Outcome.IGNORED_DUPLICATE).count();
        MatrixRun.Wiring wiring = new MatrixRun.Wiring(env.topics(), writer, registry, outputs,
            new GroupLag(env.admin()), services.replyGroupId(), services.feedbackApplicationId(),
            () -> services.feedback().counters().count("kefu.feedback.ratings.ignored", "why", "duplicate")
                >= duplicateRatings, progress);
        progress.printf("services ready after %d s; writing the cases%n", seconds(started));
        MatrixRun.Outcomes outcomes = new MatrixRun(wiring, options.outcomeTimeout()).execute(options.catalogue());
        LivenessReport liveness = watch.finish();
        progress.printf("every outcome read after %d s; stopping the services%n", seconds(started));
        return new MatrixReport(outcomes.results(), outcomes.totals(), liveness,
            Duration.ofNanos(System.nanoTime() - started));
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot train or store the small model under " + data + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the services did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the services", e);
    } finally {
      model.cancel(true);
    }
  }

  private static long seconds(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
  }
}
