package io.kefu.poison.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireBytesTest {

  @Test
  void shouldEncodeZigZagVarintsAsAvroDoes() {
    assertThat(WireBytes.zigZagVarint(0)).containsExactly(0x00);
    assertThat(WireBytes.zigZagVarint(-1)).containsExactly(0x01);
    assertThat(WireBytes.zigZagVarint(1)).containsExactly(0x02);
    assertThat(WireBytes.zigZagVarint(-2)).containsExactly(0x03);
    assertThat(WireBytes.zigZagVarint(64)).containsExactly(0x80, 0x01);
  }

  @Test
  void shouldFindTheOffsetAfterLengthPrefixedStrings() {
    // Given a header, the string "ab" (length 2 -> 0x04) and the empty string (0x00), then one more byte
    byte[] wire = {0, 0, 0, 0, 1, 0x04, 'a', 'b', 0x00, 0x7f};

    // Then two strings end right before the last byte
    assertThat(WireBytes.afterStrings(wire, WireBytes.HEADER_LENGTH, 2)).isEqualTo(9);
  }

  @Test
  void shouldSpliceReplaceSetHeaderFieldsAndTruncate() {
    byte[] wire = {0, 0, 0, 0, 7, 'x', 'y', 'z'};
    assertThat(WireBytes.withMagicByte(wire, 1)).containsExactly(1, 0, 0, 0, 7, 'x', 'y', 'z');
    assertThat(WireBytes.withSchemaId(wire, 258)).containsExactly(0, 0, 0, 1, 2, 'x', 'y', 'z');
    assertThat(WireBytes.replacedOnce(wire, new byte[] {'y'}, new byte[] {1, 2})).containsExactly(0, 0, 0, 0, 7, 'x',
        1, 2, 'z');
    assertThat(WireBytes.truncated(wire, 3)).containsExactly(0, 0, 0);
    assertThat(WireBytes.appended(wire, (byte) 9)).hasSize(9).endsWith(9);
  }

  @Test
  void shouldRefuseAMarkerThatIsMissingAndALengthOutOfRange() {
    byte[] wire = {0, 0, 0, 0, 7, 'x', 'x'};
    assertThatThrownBy(() -> WireBytes.replacedOnce(wire, new byte[] {'x'}, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the marker must occur exactly once in the 7 bytes, found more than one");
    assertThatThrownBy(() -> WireBytes.truncated(wire, 8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must be 0..7, was 8");
  }
}
