package io.kefu.kafka.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
  private final RecordDecoder<String> decoder = new RecordDecoder<>(new StringDeserializer(), "test-service");

  @Test
  void shouldNameTheFirstByteOfAKeyThatIsNotUtf8() {
    // Given a key whose third byte starts no UTF-8 sequence
    byte[] key = {'a', 'b', (byte) 0xff, 'c'};

    // When it is decoded
    Decoded<String> decoded = decoder.decode(new ConsumerRecord<>("in", 2, 7L, key, "v".getBytes(StandardCharsets.UTF_8)));

    // Then it is refused as INVALID_KEY with the position in the detail and the source of the record
    assertThat(decoded).isInstanceOf(Decoded.Refused.class);
    DeadLetter letter = ((Decoded.Refused<String>) decoded).deadLetter();
    assertThat(letter.reason()).isEqualTo(RecordDecoder.INVALID_KEY);
    assertThat(letter.detail()).isEqualTo("record key of 4 bytes is not valid UTF-8: malformed input of 1 byte(s) at byte 2");
    assertThat(letter.sourceTopic()).isEqualTo("in");
    assertThat(letter.sourcePartition()).isEqualTo(2);
    assertThat(letter.sourceOffset()).isEqualTo(7L);
  }

  @Test
  void shouldDecodeAUtf8KeyWithChineseAndEmoji() {
    String key = "会话-42-😀";
    Decoded<String> decoded = decoder.decode(new ConsumerRecord<>("in", 0, 0L, key.getBytes(StandardCharsets.UTF_8),
        "值".getBytes(StandardCharsets.UTF_8)));
    assertThat(decoded).isEqualTo(new Decoded.Ok<>(key, "值"));
  }
}
