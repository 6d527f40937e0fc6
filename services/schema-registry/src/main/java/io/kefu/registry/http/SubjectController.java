package io.kefu.registry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.registry.service.SchemaRegistryService;
import io.kefu.registry.service.VersionId;

/** Routes under {@code /subjects}: list, register, look up, and read versions. */
final class SubjectController {
  private final SchemaRegistryService service;
  private final RegistryJson json;

  SubjectController(SchemaRegistryService service, RegistryJson json) {
    this.service = service;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.get("/subjects", this::listSubjects);
    app.post("/subjects/{subject}", this::lookup);
    app.get("/subjects/{subject}/versions", this::listVersions);
    app.post("/subjects/{subject}/versions", this::register);
    app.get("/subjects/{subject}/versions/{version}", this::getVersion);
  }

  private void listSubjects(Context ctx) {
    ArrayNode subjects = json.array();
    service.subjects().forEach(subjects::add);
    json.respond(ctx, 200, subjects);
  }

  private void lookup(Context ctx) {
    json.respond(ctx, 200, json.subjectVersion(service.lookup(ctx.pathParam("subject"), json.readSchemaRequest(ctx))));
  }

  private void listVersions(Context ctx) {
    ArrayNode versions = json.array();
    service.versions(ctx.pathParam("subject")).forEach(versions::add);
    json.respond(ctx, 200, versions);
  }

  private void register(Context ctx) {
    int id = service.register(ctx.pathParam("subject"), json.readSchemaRequest(ctx));
    json.respond(ctx, 200, json.object().put("id", id));
  }

  private void getVersion(Context ctx) {
    VersionId version = VersionId.parse(ctx.pathParam("version"));
    json.respond(ctx, 200, json.subjectVersion(service.version(ctx.pathParam("subject"), version)));
  }
}
