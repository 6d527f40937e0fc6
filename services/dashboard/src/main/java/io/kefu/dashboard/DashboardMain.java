package io.kefu.dashboard;

import io.kefu.kafka.config.KefuConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the dashboard alone: {@code java io.kefu.dashboard.DashboardMain [config.properties]}; Ctrl-C stops it. */
public final class DashboardMain {
  private DashboardMain() {}

  public static void main(String[] args) throws InterruptedException {
    KefuConfig config = KefuConfig.load(args.length > 0 ? Path.of(args[0]) : null, Map.of());
    DashboardServer dashboard = new DashboardServer(config);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dashboard.stop();
      done.countDown();
    }, "kefu-dashboard-shutdown"));
    dashboard.start();
    System.out.println("Kefu dashboard: " + dashboard.url() + "?token=" + dashboard.adminToken());
    System.out.println("  admin token:  " + dashboard.adminToken());
    System.out.println("  viewer token: " + dashboard.viewerToken());
    done.await();
  }
}
