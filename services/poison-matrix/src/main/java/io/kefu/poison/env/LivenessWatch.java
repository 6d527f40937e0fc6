package io.kefu.poison.env;

import io.kefu.reply.ReplyService;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the two services of a run for restarts: samples them at a fixed rate and compares their threads at the
 * end with those at the start, reading only what the services already expose (instances, health, meters) and the
 * JVM's thread list.
 */
public final class LivenessWatch implements AutoCloseable {
  private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);
  private static final String STREAM_THREAD_MARK = "-StreamThread-";

  private final MatrixServices services;
  private final ReplyService replyAtStart;
  private final List<Thread> replyLoopAtStart;
  private final List<Thread> streamThreadsAtStart;
  private final Set<String> streamStates = new LinkedHashSet<>();
  private final AtomicInteger samples = new AtomicInteger();
  private final AtomicInteger replyNotLive = new AtomicInteger();
  private final ScheduledExecutorService sampler;

  private LivenessWatch(MatrixServices services) {
    this.services = services;
    this.replyAtStart = services.reply().service();
    this.replyLoopAtStart = replyLoopThreads();
    this.streamThreadsAtStart = streamThreads();
    if (replyLoopAtStart.size() != 1 || streamThreadsAtStart.isEmpty()) {
      throw new IllegalStateException("expected one reply loop thread and at least one stream thread, found "
          + names(replyLoopAtStart) + " and " + names(streamThreadsAtStart));
    }
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kefu-poison-liveness");
      t.setDaemon(true);
      return t;
    });
  }

  /** Records the services' threads now and starts sampling them. */
  public static LivenessWatch start(MatrixServices services) {
    LivenessWatch watch = new LivenessWatch(services);
    watch.sample();
    watch.sampler.scheduleAtFixedRate(watch::sample, SAMPLE_INTERVAL.toMillis(), SAMPLE_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    return watch;
  }

  private void sample() {
    samples.incrementAndGet();
    if (!replyAtStart.isLive()) {
      replyNotLive.incrementAndGet();
    }
    synchronized (streamStates) {
      streamStates.add(services.feedback().health().state());
    }
  }

  /** Stops sampling and reports what was seen. */
  public LivenessReport finish() {
    sampler.shutdownNow();
    sample();
    List<Thread> loops = replyLoopThreads();
    List<Thread> streams = streamThreads();
    boolean loopSame = loops.equals(replyLoopAtStart) && loops.stream().allMatch(Thread::isAlive);
    boolean streamsSame = Set.copyOf(streams).equals(Set.copyOf(streamThreadsAtStart))
        && streams.stream().allMatch(Thread::isAlive);
    List<String> states;
    synchronized (streamStates) {
      states = new ArrayList<>(streamStates);
    }
    return new LivenessReport(samples.get(), services.reply().service() == replyAtStart, loopSame,
        replyNotLive.get(), (long) counted(replyAtStart, "kefu.reply.transactions", "result", "aborted"), states,
        streamsSame, (long) services.feedback().counters().registry().find("kefu.feedback.exception.handler.continued")
            .counters().stream().mapToDouble(Counter::count).sum());
  }

  private static double counted(ReplyService service, String name, String tag, String value) {
    Counter counter = service.meterRegistry().find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  private List<Thread> replyLoopThreads() {
    String name = "kefu-reply-loop-" + services.reply().instanceId();
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).toList();
  }

  private List<Thread> streamThreads() {
    String prefix = services.feedbackApplicationId();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.getName().contains(STREAM_THREAD_MARK)).toList();
  }

  private static List<String> names(List<Thread> threads) {
    return threads.stream().map(Thread::getName).toList();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
