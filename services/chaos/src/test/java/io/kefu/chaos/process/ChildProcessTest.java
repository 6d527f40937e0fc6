package io.kefu.chaos.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir
  Path dir;

  private ChildProcess launch() {
    return ChildProcess.launch(new ChildSpec("ticker", TickingChild.class, List.of(), List.of("-Xmx32m"), Map.of(),
        dir.resolve("ticker.log"), List.of("ready", "tick")));
  }

  @Test
  void shouldCaptureTheChildsOutputPrefixedWithItsNameAndPid() throws IOException {
    // Given a child that prints lines
    try (ChildProcess child = launch()) {
      // When it has printed a few
      child.awaitCount("tick", 3, Duration.ofSeconds(30));

      // Then the log file holds them, each prefixed with the child's name and pid
      String prefix = "[ticker pid " + child.pid() + "] ";
      assertThat(Files.readAllLines(dir.resolve("ticker.log")))
          .contains(prefix + "ready", prefix + "tick 0", prefix + "tick 1");
      assertThat(child.count("ready")).isEqualTo(1);
    }
  }

  @Test
  void shouldFreezeTheChildWithSigstopAndLetItRunAgainWithSigcont() {
    // Given a running child
    try (ChildProcess child = launch()) {
      child.awaitCount("ready", 1, Duration.ofSeconds(30));

      // When it is paused
      child.pause();

      // Then the kernel reports it stopped, and after SIGCONT it runs and prints again
      await().atMost(Duration.ofSeconds(10)).until(() -> state(child.pid()) == 'T');
      assertThat(child.isAlive()).isTrue();
      child.resume();
      await().atMost(Duration.ofSeconds(10)).until(() -> state(child.pid()) != 'T');
      long ticks = child.count("tick");
      child.awaitCount("tick", ticks + 2, Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldKillTheChildWithSigkillAndReportItGone() {
    // Given a running child
    ChildProcess child = launch();
    try {
      child.awaitCount("ready", 1, Duration.ofSeconds(30));

      // When it is killed
      child.kill();

      // Then its process is gone
      assertThat(child.isAlive()).isFalse();
      assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    } finally {
      child.close();
    }
  }

  /** The state letter in /proc/<pid>/stat: R running, S sleeping, T stopped ... */
  private static char state(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }
}
