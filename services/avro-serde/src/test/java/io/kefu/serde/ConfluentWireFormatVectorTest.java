package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Feedback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Checks the serializer's bytes against a vector written by hand from the Avro and Confluent specifications. */
class ConfluentWireFormatVectorTest {

  /**
   * Feedback{feedbackId="fb-1", replyId="r-7", conversationId="c-42", rating=5, comment="好",
   * ratedAt=1700000000000 ms} under schema id 1, derived byte by byte.
   */
  private static final byte[] EXPECTED = {
      0x00,                                     // Confluent magic byte
      0x00, 0x00, 0x00, 0x01,                   // schema id 1, big-endian
      0x08, 'f', 'b', '-', '1',                 // feedbackId: length 4 -> zig-zag 8, then UTF-8
      0x06, 'r', '-', '7',                      // replyId: length 3 -> zig-zag 6
      0x08, 'c', '-', '4', '2',                 // conversationId: length 4 -> zig-zag 8
      0x0a,                                     // rating: int 5 -> zig-zag 10
      0x02,                                     // comment: union branch 1 ("string") -> zig-zag 2
      0x06, (byte) 0xe5, (byte) 0xa5, (byte) 0xbd, // "好" is 3 UTF-8 bytes E5 A5 BD: length 3 -> zig-zag 6
      // ratedAt: long 1700000000000 -> zig-zag 3400000000000 = 0x317_9FCA_D000; 7-bit groups, least significant
      // first: 0x00 0x20 0x2B 0x7E 0x79 0x62, each but the last with the continuation bit 0x80 set.
      (byte) 0x80, (byte) 0xa0, (byte) 0xab, (byte) 0xfe, (byte) 0xf9, 0x62
  };

  static Feedback fixedFeedback() {
    return Feedback.newBuilder()
        .setFeedbackId("fb-1")
        .setReplyId("r-7")
        .setConversationId("c-42")
        .setRating(5)
        .setComment("好")
        .setRatedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .build();
  }

  @Test
  void shouldWriteFeedbackExactlyAsTheHandBuiltVector() {
    // Given the Feedback schema pre-registered as id 1
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    assertThat(registry.register("feedback-value", Feedback.getClassSchema())).isEqualTo(1);
    KefuAvroSerializer<Feedback> serializer = new KefuAvroSerializer<>(registry, false);

    // When the fixed record is serialized
    byte[] actual = serializer.serialize("feedback", fixedFeedback());

    // Then the bytes are the hand-built vector, byte for byte
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(EXPECTED));
  }

  @Test
  void shouldKeepTheCheckedInVectorFileEqualToTheHandBuiltBytes() throws IOException {
    // Given the vector file other languages' clients can test against
    byte[] fromFile = vectorFile();

    // Then it holds the same bytes as the hand-built array
    assertThat(fromFile).isEqualTo(EXPECTED);
  }

  @Test
  void shouldReadTheVectorBackIntoTheFixedRecord() throws IOException {
    // Given a registry where id 1 is the Feedback schema
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    registry.register("feedback-value", Feedback.getClassSchema());

    // When the vector is deserialized
    Feedback read = KefuAvroDeserializer.of(Feedback.class, registry).deserialize("feedback", vectorFile());

    // Then it is the fixed record
    assertThat(read).isEqualTo(fixedFeedback());
  }

  static byte[] vectorFile() throws IOException {
    try (InputStream in = ConfluentWireFormatVectorTest.class.getResourceAsStream("/test-vectors/feedback-v1.hex")) {
      assertThat(in).as("test-vectors/feedback-v1.hex on the test classpath").isNotNull();
      String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
      return HexFormat.of().parseHex(hex);
    }
  }
}
