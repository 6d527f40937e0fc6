package io.kefu.registry.http;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.kefu.registry.RegistryOptions;
import io.kefu.registry.service.RegistryError;
import io.kefu.registry.service.SchemaRegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server of the registry: Confluent's routes, {@code /health}, error bodies for every failure, optional
 * basic auth and https.
 */
public final class RegistryHttpServer {
  static final String HEALTH_PATH = "/health";
  private static final Logger log = LoggerFactory.getLogger(RegistryHttpServer.class);

  private final RegistryOptions options;
  private final RegistryJson json = new RegistryJson();
  private final Javalin app;

  /**
   * Builds the server; nothing listens until {@link #start()}.
   *
   * @param healthProblem what stops the registry from serving, or empty when it is healthy
   */
  public RegistryHttpServer(RegistryOptions options, SchemaRegistryService service,
      Supplier<Optional<String>> healthProblem) {
    this.options = options;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      options.tls().ifPresent(tls -> config.jetty.addConnector((server, httpConfig) ->
          HttpsConnector.create(server, httpConfig, tls, options.host(), options.port())));
    });
    app.before(new BasicAuthFilter(options.users(), Set.of(HEALTH_PATH), json));
    app.get(HEALTH_PATH, ctx -> health(ctx, healthProblem.get()));
    app.get("/", ctx -> json.respond(ctx, 200, json.object()));
    new SubjectController(service, json).addRoutes(app);
    new SchemaController(service, json).addRoutes(app);
    new ConfigController(service, json).addRoutes(app);
    new CompatibilityController(service, json).addRoutes(app);
    app.exception(RegistryError.class, this::registryError);
    // Unmatched routes and methods: Jersey's wording, as Confluent answers them.
    app.exception(HttpResponseException.class, (e, ctx) -> json.respondError(ctx, e.getStatus(), e.getStatus(),
        "HTTP " + e.getStatus() + " " + HttpStatus.forStatus(e.getStatus()).getMessage()));
    app.exception(Exception.class, this::unexpectedError);
  }

  private void health(Context ctx, Optional<String> problem) {
    if (problem.isEmpty()) {
      json.respond(ctx, 200, json.object().put("status", "UP"));
    } else {
      json.respond(ctx, 503, json.object().put("status", "DOWN").put("reason", problem.get()));
    }
  }

  private void registryError(RegistryError e, Context ctx) {
    if (e.httpStatus() >= 500) {
      log.error("{} {} failed with {}", ctx.method(), ctx.path(), e.errorCode(), e);
    } else {
      log.debug("{} {} answered {} {}: {}", ctx.method(), ctx.path(), e.httpStatus(), e.errorCode(), e.getMessage());
    }
    json.respondError(ctx, e.httpStatus(), e.errorCode(), e.getMessage());
  }

  private void unexpectedError(Exception e, Context ctx) {
    log.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    json.respondError(ctx, 500, RegistryError.STORE_ERROR, "Internal error: " + e);
  }

  /** Binds the configured address and port. */
  public void start() {
    if (options.tls().isPresent()) {
      app.start();
    } else {
      app.start(options.host(), options.port());
    }
  }

  /** The port bound, meaningful after {@link #start()}. */
  public int port() {
    return app.port();
  }

  /** Stops serving. */
  public void stop() {
    app.stop();
  }
}
