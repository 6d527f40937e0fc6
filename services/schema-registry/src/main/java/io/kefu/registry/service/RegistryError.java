package io.kefu.registry.service;

import java.util.List;

import io.kefu.serde.CompatibilityLevel;

/**
 * An error the registry answers with Confluent Schema Registry's HTTP status, {@code error_code} and message wording.
 */
public final class RegistryError extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;
  public static final int OPERATION_TIMEOUT = 50002;

  private final int httpStatus;
  private final int errorCode;

  public RegistryError(int httpStatus, int errorCode, String message) {
    this(httpStatus, errorCode, message, null);
  }

  public RegistryError(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  /** 404 / 40401. */
  public static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  /** 404 / 40402. */
  public static RegistryError versionNotFound(int version) {
    return new RegistryError(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  /** 404 / 40403 for a schema that is not registered under the subject it was looked up in. */
  public static RegistryError schemaNotFound() {
    return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema not found");
  }

  /** 404 / 40403 for an unknown global id. */
  public static RegistryError schemaIdNotFound(int id) {
    return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  /** 404 / 40408 for GET /config/{subject} on a subject without a level of its own. */
  public static RegistryError subjectLevelNotConfigured(String subject) {
    return new RegistryError(404, SUBJECT_LEVEL_NOT_CONFIGURED, "Subject '" + subject
        + "' does not have subject-level compatibility configured");
  }

  /** 409 / 409 with every incompatibility the checker found. */
  public static RegistryError incompatible(String subject, CompatibilityLevel level, List<String> details) {
    return new RegistryError(409, INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an earlier"
        + " schema for subject \"" + subject + "\", details: " + details + " (compatibility " + level + ")");
  }

  /** 422 / 42201. */
  public static RegistryError invalidSchema(String detail) {
    return new RegistryError(422, INVALID_SCHEMA, "Invalid schema: " + detail);
  }

  /** 422 / 42202. */
  public static RegistryError invalidVersion(String version) {
    return new RegistryError(422, INVALID_VERSION, "The specified version '" + version + "' is not a valid version"
        + " id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  /** 422 / 42203. */
  public static RegistryError invalidCompatibilityLevel() {
    return new RegistryError(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are none,"
        + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
  }

  /** 500 / 50001 when the registry topic cannot be written or read. */
  public static RegistryError storeError(String message, Throwable cause) {
    return new RegistryError(500, STORE_ERROR, message, cause);
  }

  /** 500 / 50002 when a write did not complete in time. */
  public static RegistryError operationTimeout(String message, Throwable cause) {
    return new RegistryError(500, OPERATION_TIMEOUT, message, cause);
  }
}
