package io.kefu.feedback.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kefu.feedback.FeedbackHealth;
import io.kefu.feedback.aggregate.VersionKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The feedback stream's HTTP API, thin over {@link AggregatesQuery}: {@code GET /health}, {@code /health/live} (Kafka Streams
 * running or rebalancing), {@code /health/ready} (RUNNING), {@code GET /metrics}
 * (Prometheus text), {@code GET /api/aggregates/totals[?version=]} and
 * {@code GET /api/aggregates/windows?version=&from=&to=} (epoch ms or ISO-8601; default the last hour of "all").
 * Errors are JSON {@code {"error": "..."}} with 400, 404 or 503.
 */
public final class FeedbackHttpApi {
  /** The range a windows query covers when {@code from} is not given. */
  public static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  private final AggregatesQuery query;
  private final Supplier<FeedbackHealth> health;
  private final Supplier<String> prometheus;
  private final Clock clock;
  private Javalin app;

  public FeedbackHttpApi(AggregatesQuery query, Supplier<FeedbackHealth> health, Supplier<String> prometheus,
      Clock clock) {
    this.query = Objects.requireNonNull(query, "query");
    this.health = Objects.requireNonNull(health, "health");
    this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts serving on {@code host}:{@code port} (0 picks a free port). */
  public synchronized FeedbackHttpApi start(String host, int port) {
    if (app != null) {
      throw new IllegalStateException("the feedback HTTP API is already started on port " + app.port());
    }
    app = Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/health", this::health);
    app.get("/health/live", ctx -> probe(ctx, health.get().up()));
    app.get("/health/ready", ctx -> probe(ctx, health.get().ready()));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.get()));
    app.get("/api/aggregates/totals", this::totals);
    app.get("/api/aggregates/windows", this::windows);
    app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
    app.exception(AggregatesUnavailableException.class,
        (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    app.start(host, port);
    return this;
  }

  /** The port served on. */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("the feedback HTTP API is not started");
    }
    return app.port();
  }

  public synchronized void stop() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void health(Context ctx) {
    FeedbackHealth current = health.get();
    ctx.status(current.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", current.status(), "state", current.state()));
  }

  private static void probe(Context ctx, boolean up) {
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", up ? "UP" : "DOWN"));
  }

  private void totals(Context ctx) {
    String version = ctx.queryParam("version");
    if (version == null) {
      ctx.json(query.totals());
      return;
    }
    query.total(version).ifPresentOrElse(ctx::json,
        () -> error(ctx, HttpStatus.NOT_FOUND, "nothing has been counted for version '" + version + "'"));
  }

  private void windows(Context ctx) {
    String version = ctx.queryParamAsClass("version", String.class).getOrDefault(VersionKeys.ALL);
    Instant to = instant("to", ctx.queryParam("to"), clock.instant());
    Instant from = instant("from", ctx.queryParam("from"), to.minus(DEFAULT_RANGE));
    ctx.json(query.windows(version, from, to));
  }

  private static Instant instant(String name, String text, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochMilli(Long.parseLong(text))
          : Instant.parse(text);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be epoch milliseconds or an ISO-8601 instant, was '" + text
          + "'", e);
    }
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }
}
