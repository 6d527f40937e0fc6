package io.kefu.registry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.registry.service.SchemaRegistryService;
import io.kefu.registry.service.VersionId;
import io.kefu.serde.CompatibilityChecker;

/** Routes under {@code /compatibility}: test a schema against one version or against every version of a subject. */
final class CompatibilityController {
  private final SchemaRegistryService service;
  private final RegistryJson json;

  CompatibilityController(SchemaRegistryService service, RegistryJson json) {
    this.service = service;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.post("/compatibility/subjects/{subject}/versions/{version}", this::checkAgainstVersion);
    app.post("/compatibility/subjects/{subject}/versions", this::checkAgainstAllVersions);
  }

  private void checkAgainstVersion(Context ctx) {
    VersionId version = VersionId.parse(ctx.pathParam("version"));
    respond(ctx, service.checkAgainstVersion(ctx.pathParam("subject"), version, json.readSchemaRequest(ctx)));
  }

  private void checkAgainstAllVersions(Context ctx) {
    respond(ctx, service.checkAgainstAllVersions(ctx.pathParam("subject"), json.readSchemaRequest(ctx)));
  }

  private void respond(Context ctx, CompatibilityChecker.Result result) {
    ObjectNode body = json.object().put("is_compatible", result.compatible());
    if (Boolean.parseBoolean(ctx.queryParam("verbose")) && !result.messages().isEmpty()) {
      ArrayNode messages = body.putArray("messages");
      result.messages().forEach(messages::add);
    }
    json.respond(ctx, 200, body);
  }
}
