package io.kefu.chaos.child;

import io.kefu.reply.ReplyServiceApp;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ReplyServiceChild <settings.properties>}: the reply service as its own OS process, as {@code kefu
 * reply-service} runs it; prints {@link #STARTED} once its poll loop runs and stops cleanly on SIGTERM.
 */
public final class ReplyServiceChild {
  /** Printed once the service has started. */
  public static final String STARTED = "kefu-chaos-child: reply service started";

  private ReplyServiceChild() {}

  public static void main(String[] args) throws InterruptedException {
    ReplyServiceApp app = ReplyServiceApp.fromConfig(ChildSettings.load(args, "ReplyServiceChild"), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stopped.countDown();
    }, "kefu-chaos-reply-stop"));
    app.start();
    System.out.println(STARTED + " as instance " + app.instanceId() + ", serving " + app.activeVersion().orElse("?"));
    System.out.flush();
    stopped.await();
  }
}
