package io.kefu.registry.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kefu.registry.service.RegisteredSchema;
import io.kefu.registry.service.RegistryError;
import io.kefu.registry.service.SchemaRequest;

/**
 * Reads request bodies and writes response bodies in Confluent Schema Registry's JSON shapes; request bodies are read
 * as JSON whatever their declared content type (v1, generic, application/json, octet-stream).
 */
final class RegistryJson {
  private final ObjectMapper json = new ObjectMapper();

  /** The body as a JSON object; 400 when it is not JSON, 422 when it is not an object. */
  ObjectNode readObject(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new RegistryError(422, 422, "Request body is missing; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RegistryError(400, 400, "Request body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RegistryError(400, 400, "Request body cannot be read: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new RegistryError(422, 422, "Request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The body as a schema request: {@code schema}, optional {@code schemaType} and {@code references}. */
  SchemaRequest readSchemaRequest(Context ctx) {
    ObjectNode body = readObject(ctx);
    JsonNode schema = body.get("schema");
    if (schema != null && !schema.isNull() && !schema.isTextual()) {
      throw RegistryError.invalidSchema("'schema' must be a string holding the schema's JSON");
    }
    JsonNode type = body.get("schemaType");
    JsonNode references = body.get("references");
    return new SchemaRequest(schema == null || schema.isNull() ? null : schema.asText(),
        type == null || type.isNull() ? null : type.asText(),
        references != null && references.isArray() ? references.size() : 0);
  }

  /** {@code {"subject","version","id","schema"}}, in that order, as Confluent answers. */
  ObjectNode subjectVersion(RegisteredSchema registered) {
    return json.createObjectNode()
        .put("subject", registered.subject())
        .put("version", registered.version())
        .put("id", registered.id())
        .put("schema", registered.schemaText());
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  ArrayNode array() {
    return json.createArrayNode();
  }

  /** Answers {@code status} with {@code body} in the negotiated registry content type. */
  void respond(Context ctx, int status, JsonNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write response body " + body, e);
    }
    ctx.status(status).contentType(ContentTypes.negotiate(ctx.header("Accept"))).result(bytes);
  }

  /** Answers with Confluent's error body {@code {"error_code":N,"message":"..."}}. */
  void respondError(Context ctx, int status, int errorCode, String message) {
    respond(ctx, status, json.createObjectNode().put("error_code", errorCode).put("message", message));
  }
}
