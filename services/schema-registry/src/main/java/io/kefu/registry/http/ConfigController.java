package io.kefu.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.registry.service.RegistryError;
import io.kefu.registry.service.SchemaRegistryService;
import io.kefu.serde.CompatibilityLevel;

/** Routes under {@code /config}: read and set the global and per-subject compatibility levels. */
final class ConfigController {
  private final SchemaRegistryService service;
  private final RegistryJson json;

  ConfigController(SchemaRegistryService service, RegistryJson json) {
    this.service = service;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.get("/config", ctx -> respondLevel(ctx, service.globalLevel()));
    app.put("/config", ctx -> update(ctx, null));
    app.get("/config/{subject}", this::getSubjectLevel);
    app.put("/config/{subject}", ctx -> update(ctx, ctx.pathParam("subject")));
  }

  private void getSubjectLevel(Context ctx) {
    String subject = ctx.pathParam("subject");
    if (Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"))) {
      respondLevel(ctx, service.effectiveLevel(subject));
      return;
    }
    respondLevel(ctx, service.subjectLevel(subject)
        .orElseThrow(() -> RegistryError.subjectLevelNotConfigured(subject)));
  }

  private void respondLevel(Context ctx, CompatibilityLevel level) {
    json.respond(ctx, 200, json.object().put("compatibilityLevel", level.name()));
  }

  private void update(Context ctx, String subject) {
    ObjectNode body = json.readObject(ctx);
    JsonNode requested = body.get("compatibility");
    CompatibilityLevel level;
    try {
      level = CompatibilityLevel.parse(requested == null || !requested.isTextual() ? null : requested.asText());
    } catch (IllegalArgumentException e) {
      throw RegistryError.invalidCompatibilityLevel();
    }
    service.setLevel(subject, level);
    // Confluent answers with the request it accepted.
    json.respond(ctx, 200, json.object().put("compatibility", requested.asText()));
  }
}
