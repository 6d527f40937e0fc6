package io.kefu.cli.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parts the demo started, stopped in reverse order so consumers stop before the broker they read from. */
final class RunningParts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningParts.class);

  private record Part(String name, AutoCloseable stop) {}

  private final Deque<Part> parts = new ArrayDeque<>();

  /** Records a started part and how to stop it. */
  synchronized void started(String name, AutoCloseable stop) {
    parts.push(new Part(name, stop));
  }

  /** Stops every part, newest first; a part that fails to stop is logged and the others still stop. */
  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      Part part = parts.pop();
      try {
        part.stop().close();
        log.info("stopped {}", part.name());
      } catch (Exception e) {
        log.error("stopping {} failed; continuing with the others", part.name(), e);
      }
    }
  }
}
