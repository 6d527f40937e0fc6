package io.kefu.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RedactingFilterTest {

  private static String filtered(String input, long expectedLines) throws IOException {
    StringWriter out = new StringWriter();
    long lines = RedactingFilter.filter(new BufferedReader(new StringReader(input)), out);
    assertThat(lines).isEqualTo(expectedLines);
    return out.toString();
  }

  @Test
  void eachLineIsRedactedAndEmptyLinesAreKept() throws IOException {
    // Given four lines, two of them empty
    String input = "hello\n\nphone 13800138000\n\n";

    // When filtered, Then four lines come out, in order, the phone redacted
    assertThat(filtered(input, 4)).isEqualTo("hello\n\nphone <PHONE>\n\n");
  }

  @Test
  void crlfAndLoneCrLineEndsBecomeLfWithTheSameLineCount() throws IOException {
    // Given Windows and old-Mac line ends
    String input = "mail a@b.io\r\nsecond\r\rfourth\r\n";

    // Then every line ends with LF and none is lost or merged
    assertThat(filtered(input, 4)).isEqualTo("mail <EMAIL>\nsecond\n\nfourth\n");
  }

  @Test
  void aLastLineWithoutLineBreakCountsAndGainsOne() throws IOException {
    assertThat(filtered("a\nb", 2)).isEqualTo("a\nb\n");
  }

  @Test
  void emptyInputGivesNoLines() throws IOException {
    assertThat(filtered("", 0)).isEmpty();
  }

  @Test
  void oneRedactorServesTheWholeStream() throws IOException {
    // Given a redactor whose detector is told that today is 2023, before a 2024 birth date
    PiiRedactor redactor = new PiiRedactor(new PiiDetector(
        Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC)));
    String id = "110101202401011230";
    StringWriter out = new StringWriter();

    // When the stream is filtered with it, Then that rule applies to every line
    long lines = RedactingFilter.filter(
        new BufferedReader(new StringReader(id + "\n" + id + " ip 8.8.8.8\n")), out, redactor);
    assertThat(lines).isEqualTo(2);
    assertThat(out.toString()).isEqualTo(id + "\n" + id + " ip <IP>\n");
  }

  @Test
  void chineseUtf8BytesComeOutAsUtf8WithoutMojibake() throws IOException {
    // Given UTF-8 bytes of Chinese lines with an address, a phone and an emoji
    String input = "地址：上海市浦东新区世纪大道100号\n电话13800138000，谢谢😀\n订单号 202311051234 已发货\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // When filtered as UTF-8
    long lines = RedactingFilter.filterUtf8(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);

    // Then the bytes out are exactly the UTF-8 of the redacted lines
    assertThat(lines).isEqualTo(3);
    assertThat(out.toByteArray()).isEqualTo(
        "地址：<ADDRESS>\n电话<PHONE>，谢谢😀\n订单号 202311051234 已发货\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformedUtf8FailsInsteadOfBeingReplacedSilently() {
    // Given bytes that are not UTF-8 (a lone continuation byte)
    byte[] input = {'o', 'k', '\n', (byte) 0x80, '\n'};

    // Then filtering fails with the decoder's error
    assertThatThrownBy(() -> RedactingFilter.filterUtf8(new ByteArrayInputStream(input), new ByteArrayOutputStream()))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void aLineWithSeveralValuesStaysOneLine() throws IOException {
    // Given a line holding two e-mails, When filtered, Then it stays one line with two placeholders
    assertThat(filtered("a@b.io,c@d.io", 1)).isEqualTo("<EMAIL>,<EMAIL>\n");
  }
}
