package io.kefu.security.acl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Kefu services (and the schema registry) that connect to Kafka, each with its own principal. */
public enum KefuService {
  REPLY_SERVICE("reply-service"),
  FEEDBACK_STREAM("feedback-stream"),
  FINE_TUNER("fine-tuner"),
  DASHBOARD("dashboard"),
  SIMULATOR("simulator"),
  SCHEMA_REGISTRY("schema-registry");

  private final String id;

  KefuService(String id) {
    this.id = id;
  }

  /** The service's name, e.g. {@code reply-service}; also the SCRAM user of the secured local platform. */
  public String id() {
    return id;
  }

  /** The principal the service runs as unless configured otherwise: {@code User:<id>}, e.g. {@code User:simulator}. */
  public String defaultPrincipal() {
    return "User:" + id;
  }

  /**
   * The service named {@code id} (as {@link #id()} gives it, any case).
   *
   * @throws IllegalArgumentException naming the known services when there is none so named
   */
  public static KefuService fromId(String id) {
    for (KefuService service : values()) {
      if (service.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
        return service;
      }
    }
    throw new IllegalArgumentException("no Kefu service '" + id + "'; services are "
        + Arrays.stream(values()).map(KefuService::id).collect(Collectors.joining(", ")));
  }
}
