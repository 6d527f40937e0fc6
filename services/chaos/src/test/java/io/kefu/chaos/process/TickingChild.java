package io.kefu.chaos.process;

import java.util.concurrent.TimeUnit;

/** A child process for tests: prints "ready", then "tick N" ten times a second until it is killed. */
public final class TickingChild {
  private TickingChild() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("ready");
    for (long n = 0; ; n++) {
      System.out.println("tick " + n);
      TimeUnit.MILLISECONDS.sleep(100); // a steady output for the parent to watch, not a wait for a condition
    }
  }
}
