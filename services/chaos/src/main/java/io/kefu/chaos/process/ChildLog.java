package io.kefu.chaos.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a child's merged stdout and stderr into a log file, each line prefixed with the child's name and pid, and
 * counts the lines that contain the phrases it watches for (a start marker, a failed transaction ...).
 */
final class ChildLog implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ChildLog.class);

  private final InputStream output;
  private final Path file;
  private final String prefix;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  ChildLog(InputStream output, Path file, String prefix, List<String> watched) {
    this.output = output;
    this.file = file;
    this.prefix = prefix;
    watched.forEach(phrase -> counts.put(phrase, new AtomicLong()));
  }

  @Override
  public void run() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        writer.write(prefix);
        writer.write(line);
        writer.newLine();
        writer.flush();
        for (Map.Entry<String, AtomicLong> e : counts.entrySet()) {
          if (line.contains(e.getKey())) {
            e.getValue().incrementAndGet();
          }
        }
      }
    } catch (IOException e) {
      // The pipe closes with an error when the child is killed mid-line; the file keeps what was read.
      log.debug("log of {} ended with {}", prefix.trim(), e.toString());
    } finally {
      closed.countDown();
    }
  }

  /** How many lines so far contained {@code phrase}, which must be one of the watched phrases. */
  long count(String phrase) {
    AtomicLong count = counts.get(phrase);
    if (count == null) {
      throw new IllegalArgumentException("'" + phrase + "' is not watched; watched are " + counts.keySet());
    }
    return count.get();
  }

  /** Waits until the child's output has been read to its end. */
  boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return closed.await(timeout, unit);
  }

  /** The file the lines go to. */
  Path file() {
    return file;
  }

  static void append(Path file, String line) {
    try {
      Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
