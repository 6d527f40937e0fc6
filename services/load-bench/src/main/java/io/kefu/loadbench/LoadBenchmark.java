package io.kefu.loadbench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code kefu bench load}: drives the real reply service at each target rate and measures what a chat platform sees.
 *
 * <p>Setup ({@link BenchPipeline}): an embedded broker and registry in a fresh run directory, the reply service
 * answering with the chosen model, a paced producer of held-out seed-corpus messages and a read_committed consumer of
 * the replies. Each rate runs a warm-up, then a measured window; only messages sent in the window are measured, and
 * the rate is drained (every message answered) before the next. A soak runs one rate for a long time, sampling heap
 * after GC, lag and latency.
 *
 * <pre>{@code
 * LoadResult result = new LoadBenchmark(LoadOptions.builder().build(), System.err).run();
 * LoadReport.printTable(result, System.out);
 * LoadReport.writeJson(result, Path.of("load.json"));
 * }</pre>
 */
public final class LoadBenchmark {
  private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);

  private record Tick(double seconds, long replies, long lag) {}

  private final LoadOptions options;
  private final PrintStream progress;

  /** A benchmark of {@code options}, printing progress to {@code progress}. */
  public LoadBenchmark(LoadOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Runs the rates (or the soak) and returns the figures; the run directory is deleted afterwards.
   *
   * @throws IOException when the model cannot be trained, read or saved, or the run directory cannot be made
   */
  public LoadResult run() throws IOException {
    long start = System.nanoTime();
    String runId = "load-" + System.currentTimeMillis();
    Path runDirectory = options.workDirectory().toAbsolutePath().resolve(runId);
    Files.createDirectories(runDirectory);
    try (BenchModel model = BenchModel.open(options, runDirectory.resolve("models"), progress);
        BenchPipeline pipeline = BenchPipeline.start(options, model, runDirectory, runId)) {
      progress.printf(Locale.ROOT, "model: %s%n", model.description());
      List<RateResult> rates = new ArrayList<>();
      SoakResult soak = null;
      if (options.soakDuration() != null) {
        soak = soak(pipeline);
      } else {
        for (int rate : options.rates()) {
          rates.add(rate(pipeline, rate));
        }
      }
      ReplyLedger ledger = pipeline.ledger();
      awaitDrained(pipeline, options.drainTimeout());
      return new LoadResult(model.description(), setup(pipeline), rates, soak, ledger.sentCount(),
          ledger.answeredCount(), ledger.duplicateCount(), ledger.unknownCount(),
          ledger.sentCount() - ledger.answeredCount(), (System.nanoTime() - start) / 1e9);
    } finally {
      deleteRecursively(runDirectory);
    }
  }

  private RateResult rate(BenchPipeline pipeline, int rate) {
    progress.printf(Locale.ROOT, "rate %d msgs/s: %d s warm-up, %d s measured%n", rate, options.warmup().toSeconds(),
        options.seconds().toSeconds());
    MeterRegistry meters = pipeline.service().meterRegistry();
    double batchesBefore = batchCount(meters);
    double batchedBefore = batchTotal(meters);
    double abortedBefore = aborted(meters);
    LatencyWindow window = new LatencyWindow();
    long warmupNanos = options.warmup().toNanos();
    List<Tick> ticks = new ArrayList<>();
    long phaseStart = System.nanoTime();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kefu-load-lag"));
    try {
      sampler.scheduleAtFixedRate(() -> {
        double at = (System.nanoTime() - phaseStart) / 1e9;
        Tick tick = new Tick(at, pipeline.ledger().replyCount(), pipeline.lag().lag());
        synchronized (ticks) {
          ticks.add(tick);
        }
      }, warmupNanos, LAG_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
      pipeline.producer().run(rate, options.warmup().plus(options.seconds()), t -> t >= warmupNanos ? window : null);
    } finally {
      shutdown(sampler);
    }
    long drainStart = System.nanoTime();
    boolean drained = awaitDrained(pipeline, options.drainTimeout());
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

    List<Tick> measured;
    synchronized (ticks) {
      measured = List.copyOf(ticks);
    }
    LatencyFigures latency = window.figures();
    double achieved = measured.size() < 2 ? Double.NaN
        : (measured.get(measured.size() - 1).replies() - measured.get(0).replies())
            / (measured.get(measured.size() - 1).seconds() - measured.get(0).seconds());
    LagFigures lag = LagFigures.of(measured.stream().map(Tick::seconds).toList(),
        measured.stream().map(Tick::lag).toList());
    double batches = batchCount(meters) - batchesBefore;
    double perTransaction = batches == 0 ? Double.NaN : (batchTotal(meters) - batchedBefore) / batches;
    long unanswered = drained ? 0 : latency.sent() - latency.answered();
    boolean saturated = !(achieved >= 0.95 * rate) || lag.slopePerSecond() > 0.05 * rate || unanswered > 0;
    RateResult result = new RateResult(rate, latency.sent() / (double) options.seconds().toSeconds(), achieved,
        latency, lag, perTransaction, Math.round(aborted(meters) - abortedBefore), drainSeconds, unanswered,
        saturated);
    progress.printf(Locale.ROOT, "rate %d msgs/s: %.0f replies/s, e2e p99 %.1f ms, overhead p99 %.1f ms%s%n", rate,
        achieved, latency.endToEnd().p99(), latency.overhead().p99(), saturated ? " (saturated)" : "");
    return result;
  }

  private SoakResult soak(BenchPipeline pipeline) {
    int rate = options.soakRate();
    long warmupNanos = options.warmup().toNanos();
    long intervalNanos = options.sampleInterval().toNanos();
    progress.printf(Locale.ROOT, "soak at %d msgs/s for %d s (warm-up %d s), sampling every %d s%n", rate,
        options.soakDuration().toSeconds(), options.warmup().toSeconds(), options.sampleInterval().toSeconds());
    LatencyWindow whole = new LatencyWindow();
    Map<Long, LatencyWindow> intervals = new ConcurrentHashMap<>();
    List<SoakSample> samples = new ArrayList<>();
    HeapProbe heap = new HeapProbe();
    long phaseStart = System.nanoTime();
    long[] previousReplies = {pipeline.ledger().replyCount()};
    long[] previousAt = {phaseStart};
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kefu-soak"));
    try {
      sampler.scheduleAtFixedRate(() -> {
        long now = System.nanoTime();
        long index = (now - phaseStart - warmupNanos + intervalNanos / 2) / intervalNanos; // samples since warm-up
        LatencyWindow old = intervals.remove(index - 2);
        LatencyFigures f = old == null ? null : old.figures();
        long replies = pipeline.ledger().replyCount();
        double throughput = (replies - previousReplies[0]) / ((now - previousAt[0]) / 1e9);
        previousReplies[0] = replies;
        previousAt[0] = now;
        SoakSample sample = new SoakSample((now - phaseStart - warmupNanos) / 1e9, heap.usedAfterGcMib(),
            heap.residentMib(), pipeline.lag().lag(), throughput, f == null ? Double.NaN : f.endToEnd().p99(),
            f == null ? Double.NaN : f.overhead().p99());
        synchronized (samples) {
          samples.add(sample);
        }
        progress.printf(Locale.ROOT, "  %6.0f s: heap %.1f MiB, resident %.0f MiB, lag %d, %.0f replies/s, "
            + "e2e p99 %.1f ms%n", sample.seconds(), sample.heapAfterGcMib(), sample.residentMib(), sample.lag(), sample.throughput(), sample.endToEndP99());
      }, warmupNanos + intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
      pipeline.producer().run(rate, options.warmup().plus(options.soakDuration()), t -> t < warmupNanos ? null
          : intervals.computeIfAbsent((t - warmupNanos) / intervalNanos, k -> new LatencyWindow(whole)));
    } finally {
      shutdown(sampler);
    }
    List<SoakSample> taken;
    synchronized (samples) {
      taken = List.copyOf(samples);
    }
    awaitDrained(pipeline, options.drainTimeout());
    return SoakResult.of(rate, options.soakDuration().toSeconds(), taken, whole.figures());
  }

  /** Waits until every message sent so far is answered; false when {@code timeout} passed first. */
  private boolean awaitDrained(BenchPipeline pipeline, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pipeline.ledger().inFlight() > 0) {
      Throwable failure = pipeline.watcherFailure();
      if (failure != null) {
        throw new IllegalStateException("the reply watcher failed: " + failure, failure);
      }
      if (!pipeline.service().isLive()) {
        throw new IllegalStateException("the reply service stopped with " + pipeline.ledger().inFlight()
            + " messages unanswered");
      }
      if (System.nanoTime() > deadline) {
        progress.printf(Locale.ROOT, "%d messages still unanswered after %d s%n", pipeline.ledger().inFlight(),
            timeout.toSeconds());
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // replies arrive on the watcher's thread; poll the count
    }
    return true;
  }

  private Map<String, String> setup(BenchPipeline pipeline) {
    Map<String, String> setup = new LinkedHashMap<>();
    setup.put("cluster", options.externalCluster()
        ? "existing: " + options.replySettings().get(LoadOptions.BOOTSTRAP_SERVERS) + ", registry "
            + options.replySettings().get(LoadOptions.SCHEMA_REGISTRY_URL)
        : "embedded broker and registry in this process, fresh for the run");
    setup.put("warm-up / measured per rate", options.warmup().toSeconds() + " s / " + options.seconds().toSeconds() + " s");
    setup.put("conversations", Integer.toString(options.conversations()));
    setup.put("engine batch (slots)", Integer.toString(options.engineBatch()));
    for (String key : List.of("reply.commit.interval", "reply.max.in.flight", "reply.max.poll.records",
        "reply.poll.timeout", "reply.generation.max.tokens", "reply.memory.turns", "model.decode.threads")) {
      setup.put(key, pipeline.config().get(key));
    }
    pipeline.config().kafkaClientProperties().forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        setup.put("kafka." + k, String.valueOf(v));
      }
    });
    setup.put("reply producer", "transactional, acks=all, linger.ms=5 (commitTransaction flushes at once)");
    setup.put("platform producer", "acks=all, linger.ms=" + options.platformLinger().toMillis());
    setup.put("platform consumer", "read_committed, fetch.max.wait.ms=" + options.platformFetchMaxWait().toMillis());
    setup.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    return setup;
  }

  private static double batchCount(MeterRegistry meters) {
    DistributionSummary s = meters.find("kefu.reply.batch.messages").summary();
    return s == null ? 0 : s.count();
  }

  private static double batchTotal(MeterRegistry meters) {
    DistributionSummary s = meters.find("kefu.reply.batch.messages").summary();
    return s == null ? 0 : s.totalAmount();
  }

  private static double aborted(MeterRegistry meters) {
    Counter c = meters.find("kefu.reply.transactions").tag("result", "aborted").counter();
    return c == null ? 0 : c.count();
  }

  private static void shutdown(ScheduledExecutorService sampler) {
    sampler.shutdownNow();
    try {
      if (!sampler.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the load sampler did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the load sampler", e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the run directory " + directory + ": " + e.getMessage(), e);
    }
  }
}
