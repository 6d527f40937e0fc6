package io.kefu.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

  @Test
  void shouldAnswerTheV1TypeUnlessTheClientAcceptsOnlyALessSpecificOne() {
    assertThat(ContentTypes.negotiate(null)).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(ContentTypes.negotiate("*/*")).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(ContentTypes.negotiate("application/vnd.schemaregistry.v1+json, application/json"))
        .isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(ContentTypes.negotiate("application/vnd.schemaregistry+json"))
        .isEqualTo("application/vnd.schemaregistry+json");
    assertThat(ContentTypes.negotiate("application/json")).isEqualTo("application/json");
    assertThat(ContentTypes.negotiate("text/html")).isEqualTo("application/vnd.schemaregistry.v1+json");
  }
}
