package io.kefu.chaos.child;

import io.kefu.feedback.FeedbackStreamService;
import java.util.concurrent.CountDownLatch;

/**
 * {@code FeedbackStreamChild <settings.properties>}: the feedback stream (Kafka Streams, exactly_once_v2) as its own
 * OS process, as {@code kefu feedback-stream} runs it; prints {@link #STARTED} once Kafka Streams is started.
 */
public final class FeedbackStreamChild {
  /** Printed once the stream has started. */
  public static final String STARTED = "kefu-chaos-child: feedback stream started";

  private FeedbackStreamChild() {}

  public static void main(String[] args) throws InterruptedException {
    FeedbackStreamService service = new FeedbackStreamService(ChildSettings.load(args, "FeedbackStreamChild"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.stop();
      stopped.countDown();
    }, "kefu-chaos-feedback-stop"));
    service.start();
    System.out.println(STARTED);
    System.out.flush();
    stopped.await();
  }
}
