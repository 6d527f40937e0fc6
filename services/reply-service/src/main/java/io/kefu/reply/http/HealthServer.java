package io.kefu.reply.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The reply service's HTTP endpoints: {@code /health/live} (the poll loop runs), {@code /health/ready} (partitions
 * assigned and conversation memory restored) and {@code /metrics} (Prometheus text format).
 */
public final class HealthServer {
  private final Javalin app;

  /** An unstarted server reporting {@code live} and {@code ready} and scraping {@code registry}. */
  public HealthServer(PrometheusMeterRegistry registry, BooleanSupplier live, BooleanSupplier ready) {
    this.app = Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/health/live", ctx -> status(ctx, live.getAsBoolean()));
    app.get("/health/ready", ctx -> status(ctx, ready.getAsBoolean()));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  private static void status(Context ctx, boolean up) {
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", up ? "UP" : "DOWN"));
  }

  /** Starts listening on {@code host}:{@code port} (0 = a free port) and returns the bound port. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  public void stop() {
    app.stop();
  }
}
