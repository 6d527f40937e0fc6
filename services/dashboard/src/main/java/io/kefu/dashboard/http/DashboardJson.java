package io.kefu.dashboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the dashboard's HTTP API: records in and out, unknown request fields refused. */
public final class DashboardJson {
  private final ObjectMapper mapper = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  public ObjectMapper mapper() {
    return mapper;
  }

  /** {@code value} as JSON text. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Reads a request body as {@code type}; an empty body gives {@code empty}, a malformed one a 400. */
  public <T> T readBody(String body, Class<T> type, T empty) {
    if (body == null || body.isBlank()) {
      return empty;
    }
    try {
      return mapper.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "INVALID", "the request body is not a valid " + type.getSimpleName() + ": "
          + e.getOriginalMessage());
    }
  }
}
