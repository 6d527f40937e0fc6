package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.kefu.dashboard.action.ActionRejectedException;
import io.kefu.dashboard.action.OperatorActions;
import io.kefu.dashboard.auth.OperatorTokens;
import io.kefu.dashboard.metrics.DashboardMetrics;
import io.kefu.dashboard.view.DashboardState;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web server: the page, its static files and the chart library webjar, the JSON API under
 * {@code /api/} behind operator tokens, the live stream, health and metrics; every error is an {@link ApiError}.
 */
public final class DashboardHttpServer {
  private static final Logger log = LoggerFactory.getLogger(DashboardHttpServer.class);

  private final Javalin app;
  private final LiveUpdates live;
  private final DashboardMetrics metrics;

  /**
   * Builds the server; nothing listens until {@link #start}.
   *
   * @param feedLive whether the record feed runs
   * @param feedReady whether the views are complete
   * @param missingTopics followed topics that do not exist yet
   */
  public DashboardHttpServer(OperatorTokens tokens, DashboardState state, OperatorActions actions,
      DashboardMetrics metrics, Duration pushInterval, BooleanSupplier feedLive, BooleanSupplier feedReady,
      Supplier<Set<String>> missingTopics) {
    this.metrics = metrics;
    DashboardJson json = new DashboardJson();
    AccessControl access = new AccessControl(tokens, metrics);
    this.live = new LiveUpdates(state, json, pushInterval);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.defaultContentType = "application/json; charset=utf-8";
      config.staticFiles.add(files -> utf8Files(files, "/assets", WebResources.ASSETS));
      config.staticFiles.add(files -> utf8Files(files, "/webjars", WebResources.WEBJARS));
    });
    app.before(SecurityHeaders::apply);
    app.before(access::authenticate);
    app.beforeMatched(access::authorize);
    new PageController(access).addRoutes(app);
    new ViewController(state, json).addRoutes(app);
    new ActionController(actions, json, metrics).addRoutes(app);
    live.addRoutes(app);
    new HealthController(feedLive, feedReady, missingTopics, metrics, json).addRoutes(app);
    app.exception(ApiException.class, (e, ctx) -> respond(ctx, e.toError(), json));
    app.exception(ActionRejectedException.class, (e, ctx) -> rejected(e, ctx, json));
    app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx,
        new ApiError(e.getStatus(), e.getStatus() == 404 ? "NOT_FOUND" : "HTTP_" + e.getStatus(),
            e.getStatus() == 404 ? "no such page or API: " + ctx.method() + " " + ctx.path() : e.getMessage()),
        json));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
      respond(ctx, new ApiError(500, "INTERNAL", "the dashboard failed: " + e), json);
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(ctx, new ApiError(404, "NOT_FOUND", "no such page or API: " + ctx.method() + " " + ctx.path()), json);
      }
    });
    metrics.gauge("kefu.dashboard.live.streams", "Open live streams (pages)", live::clientCount);
  }

  /** Serves a classpath directory with an explicit UTF-8 charset on scripts and styles (the page has CJK text). */
  private static void utf8Files(StaticFileConfig files, String hostedPath, String directory) {
    files.hostedPath = hostedPath;
    files.directory = directory;
    files.location = Location.CLASSPATH;
    files.mimeTypes.add("text/javascript; charset=utf-8", "js");
    files.mimeTypes.add("text/css; charset=utf-8", "css");
  }

  private void rejected(ActionRejectedException e, Context ctx, DashboardJson json) {
    int status = switch (e.problem()) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNAVAILABLE -> 503;
    };
    metrics.action(ActionController.actionName(ctx), e.problem().name());
    if (status >= 500) {
      log.warn("{} {} could not be carried out: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
    }
    respond(ctx, new ApiError(status, e.problem().name(), e.getMessage()), json);
  }

  private static void respond(Context ctx, ApiError error, DashboardJson json) {
    ctx.status(error.status()).contentType("application/json; charset=utf-8").result(json.write(error));
  }

  /** Binds {@code host}:{@code port} (0 = a free port), starts the live stream, and returns the bound port. */
  public int start(String host, int port) {
    app.start(host, port);
    live.start();
    return app.port();
  }

  /** Closes the live streams and stops listening. */
  public void stop() {
    live.stop();
    app.stop();
  }
}
