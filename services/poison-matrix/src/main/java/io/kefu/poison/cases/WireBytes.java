package io.kefu.poison.cases;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte surgery on Confluent-wire-format Avro records: the header is 5 bytes, then the Avro binary body. */
public final class WireBytes {
  /** Length of the Confluent header: the magic byte and the 4-byte schema id. */
  public static final int HEADER_LENGTH = 5;

  private WireBytes() {}

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A copy with byte 0 (the magic byte) set to {@code value}. */
  public static byte[] withMagicByte(byte[] wire, int value) {
    byte[] copy = wire.clone();
    copy[0] = (byte) value;
    return copy;
  }

  /** A copy with bytes 1-4 set to the big-endian {@code schemaId}. */
  public static byte[] withSchemaId(byte[] wire, int schemaId) {
    byte[] copy = wire.clone();
    ByteBuffer.wrap(copy, 1, 4).putInt(schemaId);
    return copy;
  }

  /** The first {@code length} bytes. */
  public static byte[] truncated(byte[] wire, int length) {
    if (length < 0 || length > wire.length) {
      throw new IllegalArgumentException("length must be 0.." + wire.length + ", was " + length);
    }
    return Arrays.copyOf(wire, length);
  }

  /** {@code wire} followed by {@code extra}. */
  public static byte[] appended(byte[] wire, byte... extra) {
    byte[] out = Arrays.copyOf(wire, wire.length + extra.length);
    System.arraycopy(extra, 0, out, wire.length, extra.length);
    return out;
  }

  /** A copy where {@code length} bytes at {@code offset} are replaced by {@code replacement} (any length). */
  public static byte[] spliced(byte[] wire, int offset, int length, byte[] replacement) {
    if (offset < 0 || length < 0 || offset + length > wire.length) {
      throw new IllegalArgumentException("cannot replace " + length + " bytes at " + offset + " of " + wire.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length - length + replacement.length);
    out.write(wire, 0, offset);
    out.writeBytes(replacement);
    out.write(wire, offset + length, wire.length - offset - length);
    return out.toByteArray();
  }

  /** A copy where the only occurrence of {@code needle} is replaced by {@code replacement}. */
  public static byte[] replacedOnce(byte[] wire, byte[] needle, byte[] replacement) {
    int at = indexOf(wire, needle, 0);
    if (at < 0 || indexOf(wire, needle, at + 1) >= 0) {
      throw new IllegalArgumentException("the marker must occur exactly once in the " + wire.length + " bytes, found "
          + (at < 0 ? "none" : "more than one"));
    }
    return spliced(wire, at, needle.length, replacement);
  }

  /**
   * The offset right after {@code count} length-prefixed Avro strings (or bytes) that start at {@code offset}; Avro
   * writes each length as a zig-zag varint.
   */
  public static int afterStrings(byte[] wire, int offset, int count) {
    int at = offset;
    for (int i = 0; i < count; i++) {
      long value = 0;
      int shift = 0;
      int b;
      do {
        if (at >= wire.length) {
          throw new IllegalArgumentException("varint runs past the end of " + wire.length + " bytes");
        }
        b = wire[at++] & 0xff;
        value |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      long length = (value >>> 1) ^ -(value & 1);
      at += (int) length;
    }
    return at;
  }

  /** Avro's zig-zag varint encoding of {@code n} (an int or long). */
  public static byte[] zigZagVarint(long n) {
    long v = (n << 1) ^ (n >> 63);
    ByteArrayOutputStream out = new ByteArrayOutputStream(10);
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
