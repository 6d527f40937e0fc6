package io.kefu.chaos.child;

import io.kefu.finetune.FineTunerService;
import java.util.concurrent.CountDownLatch;

/**
 * {@code FineTunerChild <settings.properties>}: the fine-tuner as its own OS process, as {@code kefu fine-tuner} runs
 * it; prints {@link #STARTED} once it follows training-examples.
 */
public final class FineTunerChild {
  /** Printed once the fine-tuner has started. */
  public static final String STARTED = "kefu-chaos-child: fine-tuner started";

  private FineTunerChild() {}

  public static void main(String[] args) throws InterruptedException {
    FineTunerService service = FineTunerService.fromConfig(ChildSettings.load(args, "FineTunerChild"), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.stop();
      stopped.countDown();
    }, "kefu-chaos-fine-tuner-stop"));
    service.start();
    System.out.println(STARTED);
    System.out.flush();
    stopped.await();
  }
}
