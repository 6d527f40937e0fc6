package io.kefu.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The self-contained schema files under {@code examples/chat-client/schemas/}, which the integration guide hands to
 * Confluent's console producer ({@code value.schema.file}), must stay the contract classes' schemas exactly, or the
 * console tools would register a different schema than Kefu does.
 */
class StandaloneSchemaFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"CustomerMessage", "Feedback"})
  void shouldMatchTheGeneratedContractClassesSchemaExactly(String record) throws IOException {
    // Given the committed file and the contract class's schema
    String file = Files.readString(Path.of("schemas", record + ".avsc"));
    Schema contract = record.equals("CustomerMessage") ? CustomerMessage.getClassSchema() : Feedback.getClassSchema();

    // Then the file is that schema, written as the class prints it, and parses back to it
    assertThat(file).isEqualTo(contract.toString(true) + "\n");
    assertThat(new Schema.Parser().parse(file)).isEqualTo(contract);
  }
}
