package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.dashboard.metrics.DashboardMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Open endpoints for orchestration and scraping: {@code /health}, {@code /health/live}, {@code /health/ready} and
 * {@code /metrics}. They carry no customer data, so they need no token (bind {@code http.host} to a private
 * address, or put them behind the network's own access control).
 */
final class HealthController {
  private final BooleanSupplier live;
  private final BooleanSupplier ready;
  private final Supplier<Set<String>> missingTopics;
  private final DashboardMetrics metrics;
  private final DashboardJson json;

  HealthController(BooleanSupplier live, BooleanSupplier ready, Supplier<Set<String>> missingTopics,
      DashboardMetrics metrics, DashboardJson json) {
    this.live = live;
    this.ready = ready;
    this.missingTopics = missingTopics;
    this.metrics = metrics;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.get("/health", this::health);
    app.get("/health/live", ctx -> status(ctx, live.getAsBoolean(), Map.of()));
    app.get("/health/ready", ctx -> status(ctx, ready.getAsBoolean(), Map.of()));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void health(Context ctx) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("live", live.getAsBoolean());
    details.put("ready", ready.getAsBoolean());
    details.put("missingTopics", missingTopics.get());
    status(ctx, live.getAsBoolean(), details);
  }

  private void status(Context ctx, boolean up, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.putAll(details);
    ctx.status(up ? 200 : 503).contentType("application/json; charset=utf-8").result(json.write(body));
  }
}
