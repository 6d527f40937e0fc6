package io.kefu.serde;

import java.util.List;

/**
 * An error answered by a schema registry, carrying Confluent's {@code error_code} (e.g. 40401, 409, 42201)
 * and the HTTP status.
 */
public class SchemaRegistryException extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** The subject has no compatibility level of its own (newer registries, without defaultToGlobal). */
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int INTERNAL_ERROR = 50001;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(message + " (http " + httpStatus + ", error_code " + errorCode + ")");
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = 0;
  }

  /** 404 / 40401, worded as Confluent Schema Registry words it. */
  public static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  /** 404 / 40402 for a version number the subject does not have. */
  public static SchemaRegistryException versionNotFound(String subject, int version) {
    return new SchemaRegistryException(404, VERSION_NOT_FOUND,
        "Version " + version + " not found under subject '" + subject + "'.");
  }

  /** 404 / 40403 for a global schema id the registry does not know. */
  public static SchemaRegistryException schemaIdNotFound(int id) {
    return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  /** 404 / 40403 for a lookup of a schema that is not registered under an existing subject. */
  public static SchemaRegistryException schemaNotFoundUnderSubject(String subject) {
    return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'");
  }

  /** 409 / 409 when a schema breaks the subject's compatibility level; {@code details} says how. */
  public static SchemaRegistryException incompatible(String subject, CompatibilityLevel level, List<String> details) {
    return new SchemaRegistryException(409, INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
            + "\" under " + level + ", details: " + details);
  }

  /** 422 / 42201 for a schema that is not valid Avro. */
  public static SchemaRegistryException invalidSchema(String detail) {
    return new SchemaRegistryException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
  }

  /** 422 / 42202 for a version that is neither a positive number nor "latest". */
  public static SchemaRegistryException invalidVersion(String version) {
    return new SchemaRegistryException(422, INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  /** 422 / 42203 for a compatibility level name that is not one of {@link CompatibilityLevel}. */
  public static SchemaRegistryException invalidCompatibilityLevel(String level) {
    return new SchemaRegistryException(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
        + "'. Valid values are none, backward, backward_transitive, forward, forward_transitive, full and"
        + " full_transitive");
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }
}
