package io.kefu.registry;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Schemas the registry tests register, with the exact canonical text the registry must serve for each. */
final class TestSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An order with one field. */
  static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.kefu.test\","
      + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  /** {@link #ORDER_V1} with other whitespace and attribute order: the same schema. */
  static final String ORDER_V1_REFORMATTED = "{ \"fields\": [ {\"type\": \"string\", \"name\": \"id\"} ],\n"
      + "  \"namespace\": \"io.kefu.test\", \"name\": \"Order\", \"type\": \"record\" }";
  /** Adds a field with a default: BACKWARD compatible with V1. */
  static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.kefu.test\","
      + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
  /** Adds a field without a default: not BACKWARD compatible with V1. */
  static final String ORDER_BREAKING = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.kefu.test\","
      + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"int\"}]}";

  /** T1 has an int field f; T2 drops it; T3 brings f back as a string with a default. */
  static final String T1 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
  static final String T2 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}";
  /** BACKWARD compatible with T2 (the latest) but not with T1: a string reader cannot read an int. */
  static final String T3 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"f\",\"type\":\"string\","
      + "\"default\":\"\"}]}";

  private TestSchemas() {}

  /** The request body {@code {"schema":"<schema as a JSON string>"}}. */
  static String body(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  /** {@code schema} as a JSON string literal, quotes escaped, as it appears inside response bodies. */
  static String quoted(String schema) {
    return JSON.getNodeFactory().textNode(schema).toString();
  }
}
