package io.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactCommandTest {

  @Test
  void shouldRedactEachLineAndKeepTheLineCountOrderNumbersAndAmounts() {
    // Given three lines, one of them empty, in English and Chinese
    String input = "mail li.wei@example.com about ORD-12345678\n\n退款 ¥1,299.00，手机 13800138000\n";
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));

      // When
      int exit = KefuCommand.commandLine().execute("redact");

      // Then
      assertThat(exit).isZero();
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("mail <EMAIL> about ORD-12345678\n\n退款 ¥1,299.00，手机 <PHONE>\n");
  }
}
