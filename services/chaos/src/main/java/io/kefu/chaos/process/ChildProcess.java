package io.kefu.chaos.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java main class run as a separate OS process on this JVM's class path, which can be killed with SIGKILL, paused
 * with SIGSTOP and resumed with SIGCONT; a shutdown hook kills it if this JVM exits first.
 *
 * <pre>{@code
 * ChildSpec spec = new ChildSpec("reply-1", ReplyServiceChild.class, List.of(configFile.toString()), ...);
 * try (ChildProcess child = ChildProcess.launch(spec)) {
 *   child.awaitCount(ReplyServiceChild.STARTED, 1, Duration.ofSeconds(60));
 *   child.kill();   // SIGKILL
 * }
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  private final ChildSpec spec;
  private final Process process;
  private final ChildLog output;
  private final Thread shutdownHook;
  private final Instant startedAt = Instant.now();

  private ChildProcess(ChildSpec spec, Process process, ChildLog output, Thread shutdownHook) {
    this.spec = spec;
    this.process = process;
    this.output = output;
    this.shutdownHook = shutdownHook;
  }

  /** Starts the child; its merged stdout and stderr go, prefixed, to {@code spec.logFile()}. */
  public static ChildProcess launch(ChildSpec spec) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(spec.mainClass().getName());
    command.addAll(spec.arguments());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(spec.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name() + " (" + spec.mainClass().getName() + "): "
          + e.getMessage(), e);
    }
    ChildLog.append(spec.logFile(), "---- " + spec.name() + " started as pid " + process.pid() + " at " + Instant.now());
    ChildLog output = new ChildLog(process.getInputStream(), spec.logFile(),
        "[" + spec.name() + " pid " + process.pid() + "] ", spec.watchedPhrases());
    Thread pump = new Thread(output, "kefu-chaos-log-" + spec.name() + "-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    Thread hook = new Thread(process::destroyForcibly, "kefu-chaos-kill-" + spec.name() + "-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
    log.info("started {} as pid {}, log {}", spec.name(), process.pid(), spec.logFile());
    return new ChildProcess(spec, process, output, hook);
  }

  /** The child's name (log prefix). */
  public String name() {
    return spec.name();
  }

  /** The child's OS process id. */
  public long pid() {
    return process.pid();
  }

  /** When the child was launched. */
  public Instant startedAt() {
    return startedAt;
  }

  /** True while the OS process exists (also while it is paused). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** How many lines of the child's output so far contained {@code phrase}, one of the spec's watched phrases. */
  public long count(String phrase) {
    return output.count(phrase);
  }

  /**
   * Waits until at least {@code times} lines contained {@code phrase}.
   *
   * @throws ChildProcessException when the child exits first or the time runs out, naming its log file
   */
  public void awaitCount(String phrase, long times, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (output.count(phrase) < times) {
      if (!process.isAlive()) {
        throw new ChildProcessException(spec.name() + " (pid " + pid() + ") exited with " + process.exitValue()
            + " before printing '" + phrase + "'; see " + spec.logFile());
      }
      if (System.nanoTime() > deadline) {
        throw new ChildProcessException(spec.name() + " (pid " + pid() + ") did not print '" + phrase + "' "
            + times + " time(s) within " + timeout + "; see " + spec.logFile());
      }
      waitForExit(Duration.ofMillis(50)); // returns early only if the child exits
    }
  }

  /** Kills the child with SIGKILL (no shutdown hook, no clean close) and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    if (!waitForExit(EXIT_WAIT)) {
      throw new ChildProcessException(spec.name() + " (pid " + pid() + ") survived SIGKILL for " + EXIT_WAIT);
    }
    ChildLog.append(spec.logFile(), "---- " + spec.name() + " pid " + pid() + " killed with SIGKILL at " + Instant.now());
  }

  /** Asks the child to stop with SIGTERM and returns at once; {@link #stop(Duration)} waits for it. */
  public void terminate() {
    process.destroy();
  }

  /** Freezes the child with SIGSTOP: its threads, heartbeats included, stop until {@link #resume()}. */
  public void pause() {
    signal("STOP");
  }

  /** Lets a paused child run again with SIGCONT. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    ChildLog.append(spec.logFile(), "---- sending SIG" + name + " to " + spec.name() + " pid " + pid() + " at " + Instant.now());
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
      String said = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new ChildProcessException("kill -" + name + " " + pid() + " failed: " + said);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + name + " " + pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChildProcessException("interrupted while sending SIG" + name + " to " + pid(), e);
    }
  }

  /** Asks the child to stop with SIGTERM (its shutdown hooks run) and waits; kills it if it does not exit in time. */
  public int stop(Duration timeout) {
    process.destroy();
    if (!waitForExit(timeout)) {
      log.warn("{} (pid {}) did not exit within {} of SIGTERM; killing it", spec.name(), pid(), timeout);
      kill();
    }
    return process.exitValue();
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChildProcessException("interrupted while waiting for " + spec.name() + " (pid " + pid() + ")", e);
    }
  }

  /** Kills the child if it still runs (resuming it first if paused is not needed: SIGKILL ends stopped processes). */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        kill();
      }
      output.awaitClosed(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down and the hook is running or has run
        log.debug("shutdown hook of {} not removed: {}", spec.name(), e.getMessage());
      }
    }
  }

  /** The environment given to every child on top of this process's: one OpenMP thread that does not spin. */
  public static Map<String, String> quietNativeThreads() {
    return Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE");
  }
}
