package io.kefu.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} over the Confluent Schema Registry REST API (v1), so it works against Confluent
 * Schema Registry, Karapace, Apicurio's ccompat API, Redpanda and Kefu's embedded registry; thread-safe.
 *
 * <p>Caches schemas by id and ids by (subject, schema), which never change once assigned.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /** The content type sent in Accept and Content-Type headers. */
  public static final String CONTENT_TYPE = RegistryHttp.CONTENT_TYPE;

  private final ObjectMapper json = new ObjectMapper();
  private final SchemaRegistryClientSettings settings;
  private final RegistryHttp http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, String schemaText) {}

  /** Creates a client for {@code settings}. */
  public RestSchemaRegistryClient(SchemaRegistryClientSettings settings) {
    this.settings = settings;
    this.http = new RegistryHttp(settings, json);
  }

  /** Creates a client for one or more comma-separated base URLs with default settings. */
  public RestSchemaRegistryClient(String urls) {
    this(SchemaRegistryClientSettings.forUrls(urls));
  }

  /** The settings this client was made with. */
  public SchemaRegistryClientSettings settings() {
    return settings;
  }

  @Override
  public int register(String subject, Schema schema) {
    String text = schema.toString();
    SubjectSchema key = new SubjectSchema(subject, text);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode response = http.send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(text));
    int id = requiredInt(response, "id", "POST /subjects/" + subject + "/versions");
    remember(key, id, schema);
    return id;
  }

  @Override
  public int lookup(String subject, Schema schema) {
    String text = schema.toString();
    SubjectSchema key = new SubjectSchema(subject, text);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode response = http.send("POST", "/subjects/" + encode(subject), schemaBody(text));
    int id = requiredInt(response, "id", "POST /subjects/" + subject);
    remember(key, id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    String what = "GET /schemas/ids/" + id;
    JsonNode response = http.send("GET", "/schemas/ids/" + id, null);
    requireAvro(response, what);
    Schema schema = parseSchema(requiredText(response, "schema", what), what);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  @Override
  public List<String> subjects() {
    JsonNode response = http.send("GET", "/subjects", null);
    List<String> subjects = new ArrayList<>();
    requireArray(response, "GET /subjects").forEach(node -> subjects.add(node.asText()));
    return List.copyOf(subjects);
  }

  @Override
  public List<Integer> versions(String subject) {
    String what = "GET /subjects/" + subject + "/versions";
    JsonNode response = http.send("GET", "/subjects/" + encode(subject) + "/versions", null);
    List<Integer> versions = new ArrayList<>();
    requireArray(response, what).forEach(node -> versions.add(node.asInt()));
    return List.copyOf(versions);
  }

  @Override
  public SubjectVersion version(String subject, int version) {
    if (version == 0 || version < -1) {
      throw SchemaRegistryException.invalidVersion(Integer.toString(version));
    }
    String versionText = version == -1 ? "latest" : Integer.toString(version);
    String what = "GET /subjects/" + subject + "/versions/" + versionText;
    JsonNode response = http.send("GET", "/subjects/" + encode(subject) + "/versions/" + versionText, null);
    requireAvro(response, what);
    int id = requiredInt(response, "id", what);
    Schema schema = schemasById.computeIfAbsent(id, ignored ->
        parseSchema(requiredText(response, "schema", what), what));
    return new SubjectVersion(response.path("subject").asText(subject), requiredInt(response, "version", what), id,
        schema);
  }

  @Override
  public boolean isCompatibleWithLatest(String subject, Schema schema) {
    String what = "POST /compatibility/subjects/" + subject + "/versions/latest";
    JsonNode response;
    try {
      response = http.send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
          schemaBody(schema.toString()));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        // Some registry versions answer 40401 for a subject with no versions; any schema may start it.
        return true;
      }
      throw e;
    }
    JsonNode answer = response.get("is_compatible");
    if (answer == null || !answer.isBoolean()) {
      throw unexpected(what, "a boolean is_compatible", response);
    }
    return answer.asBoolean();
  }

  @Override
  public String compatibility(String subject) {
    if (subject == null) {
      return requiredText(http.send("GET", "/config", null), "compatibilityLevel", "GET /config");
    }
    String what = "GET /config/" + subject;
    JsonNode response;
    try {
      response = http.send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
    } catch (SchemaRegistryException e) {
      // Registries without defaultToGlobal answer 40401 (or 40408) when the subject has no level of its own.
      if (e.httpStatus() == 404 && (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED)) {
        return compatibility(null);
      }
      throw e;
    }
    return requiredText(response, "compatibilityLevel", what);
  }

  @Override
  public void setCompatibility(String subject, String level) {
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw SchemaRegistryException.invalidCompatibilityLevel(level);
    }
    ObjectNode body = json.createObjectNode().put("compatibility", parsed.name());
    http.send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
  }

  private void remember(SubjectSchema key, int id, Schema schema) {
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
  }

  private ObjectNode schemaBody(String schemaText) {
    // schemaType is omitted: the API's default is AVRO, and older registries reject the field.
    return json.createObjectNode().put("schema", schemaText);
  }

  /** Percent-encodes a subject as one path segment (spaces as %20, slashes as %2F). */
  static String encode(String subject) {
    if (subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("subject must be a non-empty string, was "
          + (subject == null ? "null" : "''"));
    }
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Schema parseSchema(String text, String what) {
    try {
      // Registered schemas are read as the registry stored them: legacy defaults must not stop decoding.
      return new Schema.Parser().setValidateDefaults(false).parse(text);
    } catch (AvroRuntimeException e) {
      throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
          what + " returned a schema Avro cannot parse: " + e.getMessage());
    }
  }

  private static void requireAvro(JsonNode response, String what) {
    String type = response.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
          what + " returned a " + type + " schema; Kefu reads only AVRO");
    }
  }

  private static JsonNode requireArray(JsonNode response, String what) {
    if (!response.isArray()) {
      throw unexpected(what, "a JSON array", response);
    }
    return response;
  }

  private static int requiredInt(JsonNode response, String field, String what) {
    JsonNode value = response.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw unexpected(what, "an integer " + field, response);
    }
    return value.asInt();
  }

  private static String requiredText(JsonNode response, String field, String what) {
    JsonNode value = response.get(field);
    if (value == null || !value.isTextual()) {
      throw unexpected(what, "a string " + field, response);
    }
    return value.asText();
  }

  private static SchemaRegistryException unexpected(String what, String expected, JsonNode response) {
    return new SchemaRegistryException(200, SchemaRegistryException.INTERNAL_ERROR,
        what + " answered without " + expected + ": " + response);
  }
}
