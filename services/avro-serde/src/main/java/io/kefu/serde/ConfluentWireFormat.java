package io.kefu.serde;

import io.kefu.serde.AvroWireFormatException.Reason;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format's 5-byte header: byte 0 is the magic byte 0, bytes 1-4 the big-endian global schema
 * id; the Avro binary body follows.
 */
public final class ConfluentWireFormat {

  /** The only magic byte the format defines. */
  public static final byte MAGIC_BYTE = 0;

  /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** Writes the header for {@code schemaId} into a new buffer sized for {@code bodyLength} more bytes. */
  static ByteBuffer headerFor(int schemaId, int bodyLength) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + bodyLength);
    buffer.put(MAGIC_BYTE).putInt(schemaId);
    return buffer;
  }

  /**
   * Reads the schema id from the header of {@code payload}.
   *
   * @throws AvroWireFormatException WRONG_MAGIC_BYTE when byte 0 is not 0, TRUNCATED_PAYLOAD when the header is short
   */
  public static int schemaIdOf(byte[] payload) {
    if (payload.length == 0) {
      throw new AvroWireFormatException(Reason.TRUNCATED_PAYLOAD,
          "payload is empty; the Confluent wire format needs at least " + HEADER_LENGTH + " header bytes");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new AvroWireFormatException(Reason.WRONG_MAGIC_BYTE,
          String.format("byte 0 is 0x%02x, expected the Confluent magic byte 0x00", payload[0] & 0xff));
    }
    if (payload.length < HEADER_LENGTH) {
      throw new AvroWireFormatException(Reason.TRUNCATED_PAYLOAD, "payload has " + payload.length
          + " bytes, fewer than the " + HEADER_LENGTH + " header bytes of the Confluent wire format");
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}
