package io.kefu.cli.demo;

import io.kefu.cli.platform.EmbeddedPlatform;
import io.kefu.dashboard.DashboardServer;
import io.kefu.feedback.FeedbackStreamService;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.lifecycle.canary.CanaryControllerService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The whole system in one process: the embedded platform, then every service pointed at it, each stopped in
 * reverse order by {@link #close()}.
 */
public final class Demo implements AutoCloseable {
  private final RunningParts parts;
  private final KefuConfig config;
  private final EmbeddedPlatform platform;
  private final DashboardServer dashboard;
  private final Path dataDirectory;

  private Demo(RunningParts parts, KefuConfig config, EmbeddedPlatform platform, DashboardServer dashboard,
      Path dataDirectory) {
    this.parts = parts;
    this.config = config;
    this.platform = platform;
    this.dashboard = dashboard;
    this.dataDirectory = dataDirectory;
  }

  /** Starts every part; on failure stops what was started and rethrows. */
  public static Demo start(KefuConfig base, Consumer<String> progress) throws Exception {
    RunningParts parts = new RunningParts();
    try {
      Path dataDirectory = Path.of(base.get(CoreSettings.DATA_DIR)).toAbsolutePath();
      EmbeddedPlatform platform = EmbeddedPlatform.start(base, progress);
      parts.started("embedded platform", platform);
      KefuConfig config = platform.config();

      DemoReplyService.start(config, parts, progress);

      progress.accept("starting the feedback stream");
      FeedbackStreamService feedback = new FeedbackStreamService(config);
      feedback.start();
      parts.started("feedback stream", feedback::stop);

      progress.accept("starting the canary controller");
      CanaryControllerService canary = new CanaryControllerService(config, Clock.systemUTC());
      canary.start();
      parts.started("canary controller", canary::stop);


      DemoTraining.start(config, parts, progress);
      DemoSimulator.start(config, parts, progress);

      progress.accept("starting the dashboard");
      DashboardServer dashboard = new DashboardServer(config);
      dashboard.start();
      parts.started("dashboard", dashboard::stop);
      return new Demo(parts, config, platform, dashboard, dataDirectory);
    } catch (Exception | Error e) {
      parts.close();
      throw e;
    }
  }

  public String dashboardUrl() {
    return dashboard.url() + "?token=" + dashboard.adminToken();
  }

  /** The port the dashboard serves on (chosen at start when {@code dashboard.port} is 0). */
  public int dashboardPort() {
    return dashboard.port();
  }

  /** The settings every part runs with, pointing at the embedded broker and registry. */
  public KefuConfig config() {
    return config;
  }

  public String adminToken() {
    return dashboard.adminToken();
  }

  public String viewerToken() {
    return dashboard.viewerToken();
  }

  public String bootstrapServers() {
    return platform.bootstrapServers();
  }

  public String registryUrl() {
    return platform.registryUrl();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    parts.close();
  }
}
