package io.kefu.kafka.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void shouldKeepTheOriginalBytesAndSayWhyAndWhereFrom() {
    // Given a refused record with an original header
    RecordHeaders original = new RecordHeaders();
    original.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    byte[] key = "conv-1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3};
    DeadLetter letter = DeadLetter.of("WRONG_MAGIC_BYTE", new IllegalStateException("magic byte was 1"),
        "customer-messages", 4, 1234L, "reply-service");

    // When
    ProducerRecord<byte[], byte[]> record = letter.toRecord("customer-messages.dlq", key, value, original, 99L);

    // Then
    assertThat(record.topic()).isEqualTo("customer-messages.dlq");
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.value()).isEqualTo(value);
    assertThat(DeadLetter.header(record.headers(), "trace")).isEqualTo("abc");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.REASON)).isEqualTo("WRONG_MAGIC_BYTE");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.DETAIL)).isEqualTo("magic byte was 1");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo("customer-messages");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.SOURCE_PARTITION)).isEqualTo("4");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("1234");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.TIMESTAMP)).isEqualTo("99");
    assertThat(DeadLetter.header(record.headers(), DlqHeaders.SERVICE)).isEqualTo("reply-service");
  }
}
