package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.Feedback;
import io.kefu.serde.AvroWireFormatException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input raises {@link AvroWireFormatException} with the reason a DLQ header would carry. */
class KefuAvroBadInputTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final KefuAvroDeserializer<Feedback> deserializer = KefuAvroDeserializer.of(Feedback.class, registry);
  private byte[] vector;

  @BeforeEach
  void registerFeedbackAsIdOne() throws IOException {
    assertThat(registry.register("feedback-value", Feedback.getClassSchema())).isEqualTo(1);
    vector = ConfluentWireFormatVectorTest.vectorFile();
  }

  private static void assertReason(ThrowingCallable call, Reason reason, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AvroWireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason + ": ")
        .hasMessageContaining(messagePart);
  }

  private byte[] vectorWith(int index, int value) {
    byte[] copy = vector.clone();
    copy[index] = (byte) value;
    return copy;
  }

  @Test
  void shouldRefuseAPayloadWhoseFirstByteIsNotTheMagicByte() {
    assertReason(() -> deserializer.deserialize("feedback", vectorWith(0, 1)), Reason.WRONG_MAGIC_BYTE,
        "byte 0 is 0x01, expected the Confluent magic byte 0x00");
    // A JSON payload sent to an Avro topic by mistake
    assertReason(() -> deserializer.deserialize("feedback", "{}".getBytes()), Reason.WRONG_MAGIC_BYTE, "0x7b");
  }

  @Test
  void shouldRefuseASchemaIdTheRegistryDoesNotKnow() {
    assertReason(() -> deserializer.deserialize("feedback", vectorWith(4, 42)), Reason.UNKNOWN_SCHEMA_ID,
        "cannot fetch writer schema id 42: Schema 42 not found");
  }

  @Test
  void shouldRefuseAPayloadShorterThanTheHeader() {
    assertReason(() -> deserializer.deserialize("feedback", new byte[] {0, 0, 0}), Reason.TRUNCATED_PAYLOAD,
        "payload has 3 bytes, fewer than the 5 header bytes");
    assertReason(() -> deserializer.deserialize("feedback", new byte[0]), Reason.TRUNCATED_PAYLOAD,
        "payload is empty");
  }

  @Test
  void shouldRefuseAnAvroBodyThatEndsEarly() {
    // Without the last byte of the ratedAt varint
    assertReason(() -> deserializer.deserialize("feedback", Arrays.copyOf(vector, vector.length - 1)),
        Reason.TRUNCATED_PAYLOAD, "the Avro body of 25 bytes ended early (schema id 1");
    // Cut inside the replyId string
    assertReason(() -> deserializer.deserialize("feedback", Arrays.copyOf(vector, 12)),
        Reason.TRUNCATED_PAYLOAD, "ended early");
    // The header alone
    assertReason(() -> deserializer.deserialize("feedback", Arrays.copyOf(vector, 5)),
        Reason.TRUNCATED_PAYLOAD, "the Avro body of 0 bytes ended early");
  }

  @Test
  void shouldRefuseAWriterSchemaThatCannotBeReadAsTheReaderSchema() {
    // Given id 2: a Feedback whose rating is a string, registered under another subject
    Schema ratingAsString = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Feedback\","
        + "\"namespace\":\"io.kefu.contract\",\"fields\":[{\"name\":\"rating\",\"type\":\"string\"}]}");
    assertThat(registry.register("legacy-value", ratingAsString)).isEqualTo(2);

    assertReason(() -> deserializer.deserialize("feedback", new byte[] {0, 0, 0, 0, 2, 2, 'x'}),
        Reason.SCHEMA_NOT_READABLE, "writer schema id 2 (io.kefu.contract.Feedback) cannot be read as"
            + " io.kefu.contract.Feedback");
  }

  @Test
  void shouldRefuseAWriterSchemaThatIsNotARecord() {
    assertThat(registry.register("keys-value", Schema.create(Schema.Type.STRING))).isEqualTo(2);

    assertReason(() -> KefuAvroDeserializer.generic(registry).deserialize("keys", new byte[] {0, 0, 0, 0, 2, 2, 'k'}),
        Reason.SCHEMA_NOT_READABLE, "schema id 2 is a STRING, not a record");
  }

  @Test
  void shouldRefuseTrailingBytesAfterTheRecord() {
    byte[] withTrailer = Arrays.copyOf(vector, vector.length + 2);

    assertReason(() -> deserializer.deserialize("feedback", withTrailer), Reason.MALFORMED_PAYLOAD,
        "trailing bytes after the record");
  }

  @Test
  void shouldRefuseANegativeStringLength() {
    // feedbackId's length 0x08 (4) becomes 0x07 (zig-zag -4)
    assertReason(() -> deserializer.deserialize("feedback", vectorWith(5, 0x07)), Reason.MALFORMED_PAYLOAD,
        "does not decode with schema id 1");
  }

  @Test
  void shouldRefuseAUnionBranchThatDoesNotExist() {
    // comment's union index 0x02 (branch 1) becomes 0x06 (branch 3 of a 2-branch union)
    assertReason(() -> deserializer.deserialize("feedback", vectorWith(20, 0x06)), Reason.MALFORMED_PAYLOAD,
        "does not decode with schema id 1");
  }

  @Test
  void shouldReportARegistryThatCannotBeReachedWhileReading() throws IOException {
    // Given a registry URL where nothing listens
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient("http://127.0.0.1:" + closedPort);

    assertReason(() -> KefuAvroDeserializer.of(Feedback.class, unreachable).deserialize("feedback", vector),
        Reason.REGISTRY_ERROR, "cannot fetch writer schema id 1");
  }

  @Test
  void shouldReportARegistryThatRefusesTheSchemaWhileWriting() {
    // Given the subject holds a schema the Feedback schema is not backward compatible with
    Schema unrelated = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Feedback\","
        + "\"namespace\":\"io.kefu.contract\",\"fields\":[{\"name\":\"other\",\"type\":\"int\"}]}");
    registry.register("strict-value", unrelated);
    KefuAvroSerializer<Feedback> serializer = new KefuAvroSerializer<>(registry, false);

    assertReason(() -> serializer.serialize("strict", ConfluentWireFormatVectorTest.fixedFeedback()),
        Reason.REGISTRY_ERROR, "could not register schema io.kefu.contract.Feedback under subject 'strict-value':"
            + " Schema being registered is incompatible");
  }

  @Test
  void shouldReportASchemaThatIsNotRegisteredWhenAutoRegisterIsOff() {
    KefuAvroSerializer<Feedback> serializer = new KefuAvroSerializer<>(registry, false, false);

    assertReason(() -> serializer.serialize("unregistered", ConfluentWireFormatVectorTest.fixedFeedback()),
        Reason.REGISTRY_ERROR, "could not look up (auto.register.schemas is false) schema"
            + " io.kefu.contract.Feedback under subject 'unregistered-value': Subject 'unregistered-value' not found.");
  }

  @Test
  void shouldRefuseARecordWithNullInANonNullField() {
    Feedback broken = ConfluentWireFormatVectorTest.fixedFeedback();
    broken.setFeedbackId(null);

    assertReason(() -> new KefuAvroSerializer<Feedback>(registry, false).serialize("feedback", broken),
        Reason.UNSERIALIZABLE_RECORD, "cannot write a io.kefu.contract.Feedback for topic 'feedback'");
  }

  @Test
  void shouldTellTheCallerToConfigureASerdeMadeByReflection() {
    assertThatThrownBy(() -> new KefuAvroSerializer<Feedback>().serialize("feedback",
        ConfluentWireFormatVectorTest.fixedFeedback()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("KefuAvroSerializer is not configured");
    assertThatThrownBy(() -> new KefuAvroDeserializer<Feedback>().deserialize("feedback", vector))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("KefuAvroDeserializer is not configured");
  }
}
