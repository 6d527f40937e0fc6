package io.kefu.finetune.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition of services that offer no notification, checking it every 100 ms. */
final class Poll {
  private static final long EVERY_MILLIS = 100;

  private Poll() {}

  /** True once {@code condition} holds, false when {@code timeout} passed first. */
  static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(EVERY_MILLIS); // polled: the condition is another service's state, which sends no signal
    }
    return true;
  }

  /** Returns once {@code condition} holds; throws naming {@code what} when {@code timeout} passed first. */
  static void until(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    if (!within(timeout, condition)) {
      throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
  }
}
