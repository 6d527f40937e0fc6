package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Feedback;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KefuAvroSerdeRoundTripTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static Stream<SpecificRecord> contractRecords() {
    return ContractSamples.all().stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("contractRecords")
  void shouldRoundTripEveryContractRecordThroughTheSerde(SpecificRecord record) {
    // Given a serde for the record's own class
    KefuAvroSerde<SpecificRecord> serde = serdeFor(record);

    // When it is written and read back
    byte[] bytes = serde.serializer().serialize("topic-" + record.getSchema().getName(), record);
    SpecificRecord read = serde.deserializer().deserialize("topic-" + record.getSchema().getName(), bytes);

    // Then it is equal, and the header names the id registered under <topic>-value
    assertThat(read).isEqualTo(record);
    int id = registry.lookup("topic-" + record.getSchema().getName() + "-value", record.getSchema());
    assertThat(ConfluentWireFormat.schemaIdOf(bytes)).isEqualTo(id);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private KefuAvroSerde<SpecificRecord> serdeFor(SpecificRecord record) {
    return (KefuAvroSerde<SpecificRecord>) (KefuAvroSerde) KefuAvroSerde.of(record.getClass(), registry, false);
  }

  @Test
  void shouldRegisterKeySchemasUnderTheKeySubject() {
    KefuAvroSerde<Feedback> keySerde = KefuAvroSerde.of(Feedback.class, registry, true);

    keySerde.serializer().serialize("feedback", ConfluentWireFormatVectorTest.fixedFeedback());

    assertThat(registry.subjects()).containsExactly("feedback-key");
  }

  @Test
  void shouldTurnNullIntoTombstonesAndBack() {
    KefuAvroSerde<Feedback> serde = KefuAvroSerde.of(Feedback.class, registry, false);

    assertThat(serde.serializer().serialize("feedback", null)).isNull();
    assertThat(serde.deserializer().deserialize("feedback", null)).isNull();
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void shouldReadDataWrittenWithAnOlderSchemaUsingTheReaderDefaults() {
    // Given data written by an older producer whose Feedback had no comment field
    Schema older = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Feedback\","
        + "\"namespace\":\"io.kefu.contract\",\"fields\":["
        + "{\"name\":\"feedbackId\",\"type\":\"string\"},{\"name\":\"replyId\",\"type\":\"string\"},"
        + "{\"name\":\"conversationId\",\"type\":\"string\"},{\"name\":\"rating\",\"type\":\"int\"},"
        + "{\"name\":\"ratedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
        + "{\"name\":\"channelHint\",\"type\":\"string\"}]}");
    GenericRecord old = new GenericData.Record(older);
    old.put("feedbackId", "fb-1");
    old.put("replyId", "r-7");
    old.put("conversationId", "c-42");
    old.put("rating", 5);
    old.put("ratedAt", 1_700_000_000_000L);
    old.put("channelHint", "web");
    byte[] bytes = new KefuAvroSerializer<GenericRecord>(registry, false).serialize("feedback", old);

    // When a current consumer reads it
    Feedback read = KefuAvroDeserializer.of(Feedback.class, registry).deserialize("feedback", bytes);

    // Then the missing comment takes its default and the unknown field is skipped
    Feedback expected = ConfluentWireFormatVectorTest.fixedFeedback();
    expected.setComment(null);
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void shouldReadAnyRecordAsAGenericRecordOfItsWriterSchema() {
    byte[] bytes = KefuAvroSerde.of(Feedback.class, registry, false).serializer()
        .serialize("feedback", ConfluentWireFormatVectorTest.fixedFeedback());

    GenericRecord read = KefuAvroDeserializer.generic(registry).deserialize("feedback", bytes);

    assertThat(read.getSchema()).isEqualTo(Feedback.getClassSchema());
    assertThat(read.get("comment").toString()).isEqualTo("好");
    assertThat(read.get("ratedAt")).isEqualTo(1_700_000_000_000L);
    assertThat(read.get("rating")).isEqualTo(5);
  }

  @Test
  void shouldWorkWhenBuiltByReflectionAndConfiguredFromAConfigMap() {
    // Given a serde made the way Kafka Streams makes default serdes
    KefuAvroSerde<Feedback> serde = new KefuAvroSerde<>();
    Map<String, Object> configs = new HashMap<>();
    configs.put(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT, registry);
    configs.put(KefuAvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    serde.configure(configs, false);

    // When a record goes through it
    Feedback record = ConfluentWireFormatVectorTest.fixedFeedback();
    byte[] bytes = serde.serializer().serialize("feedback", record);
    Feedback read = serde.deserializer().deserialize("feedback", bytes);

    // Then the class named by the writer schema is used to read it
    assertThat(read).isEqualTo(record);
    serde.close();
    assertThat(registry.subjects()).containsExactly("feedback-value");
  }

  @Test
  void shouldLookSchemasUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
    int id = registry.register("feedback-value", Feedback.getClassSchema());
    KefuAvroSerde<Feedback> serde = KefuAvroSerde.of(Feedback.class,
        Map.of(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT, registry, KefuAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false),
        false);

    byte[] bytes = serde.serializer().serialize("feedback", ConfluentWireFormatVectorTest.fixedFeedback());

    assertThat(ConfluentWireFormat.schemaIdOf(bytes)).isEqualTo(id);
    assertThat(registry.versions("feedback-value")).containsExactly(1);
  }
}
