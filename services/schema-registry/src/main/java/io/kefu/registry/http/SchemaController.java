package io.kefu.registry.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.kefu.registry.service.AvroSchemas;
import io.kefu.registry.service.SchemaRegistryService;

/** Routes under {@code /schemas}: a schema by global id, and the schema types served. */
final class SchemaController {
  private final SchemaRegistryService service;
  private final RegistryJson json;

  SchemaController(SchemaRegistryService service, RegistryJson json) {
    this.service = service;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.get("/schemas/ids/{id}", this::getById);
    app.get("/schemas/types", ctx -> json.respond(ctx, 200, json.array().add(AvroSchemas.AVRO)));
  }

  private void getById(Context ctx) {
    int id;
    try {
      id = Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      // Confluent's id path parameter is an integer; anything else matches no resource.
      throw new NotFoundResponse();
    }
    json.respond(ctx, 200, json.object().put("schema", service.schemaById(id).toString()));
  }
}
