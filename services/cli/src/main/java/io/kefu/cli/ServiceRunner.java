package io.kefu.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Runs one long-lived service in the foreground: start it, print where it is, stop it cleanly on Ctrl-C. */
final class ServiceRunner {
  private ServiceRunner() {}

  /** Something with a start and a stop. */
  interface Service {
    void start() throws Exception;

    void stop();
  }

  /** Starts {@code service}, prints {@code readyLine}, and blocks until the JVM is asked to exit. */
  static int runUntilShutdown(String name, Service service, java.util.function.Supplier<String> readyLine,
      PrintWriter out) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("kefu " + name + ": stopping");
      out.flush();
      service.stop();
      stopped.countDown();
    }, "kefu-" + name + "-shutdown"));
    service.start();
    out.println("kefu " + name + ": " + readyLine.get());
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
