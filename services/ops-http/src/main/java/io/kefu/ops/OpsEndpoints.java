package io.kefu.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A service's open operations endpoints: {@code /health/live} (the service's threads work), {@code /health/ready}
 * (it does its job now), {@code /health} (both, with a detail line) and {@code /metrics} (Prometheus text format).
 * A probe answers 200 with {@code {"status":"UP"}} or 503 with {@code {"status":"DOWN"}}.
 */
public final class OpsEndpoints implements AutoCloseable {
  private final Javalin app;

  /**
   * An unstarted server.
   *
   * @param live whether the service is alive (a restart would not help when true)
   * @param ready whether the service is ready to do its work
   * @param detail a one-line description of the service's state, shown by {@code /health}
   * @param metrics the Prometheus text of the service's meters
   */
  public OpsEndpoints(BooleanSupplier live, BooleanSupplier ready, Supplier<String> detail, Supplier<String> metrics) {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(ready, "ready");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(metrics, "metrics");
    this.app = Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/health/live", ctx -> probe(ctx, live.getAsBoolean(), Map.of()));
    app.get("/health/ready", ctx -> probe(ctx, ready.getAsBoolean(), Map.of()));
    app.get("/health", ctx -> {
      boolean isLive = live.getAsBoolean();
      boolean isReady = ready.getAsBoolean();
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("live", isLive);
      state.put("ready", isReady);
      state.put("detail", detail.get());
      probe(ctx, isLive && isReady, state);
    });
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
  }

  private static void probe(Context ctx, boolean up, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.putAll(extra);
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  /** Starts listening on {@code host}:{@code port} (0 = a free port) and returns the bound port. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  /** The bound port; only after {@link #start}. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
