package io.kefu.redaction;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Redacts a text stream line by line: one line in, one line out, with one redactor for the whole stream.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}; every output line ends with {@code \n}. So the
 * number of lines out always equals the number in (empty lines included, a last line without a line break
 * counts as a line and gains one), and CRLF input comes out as LF. Neither stream is closed; the writer is
 * flushed.
 */
public final class RedactingFilter {
  private static final PiiRedactor STANDARD = new PiiRedactor();

  private RedactingFilter() {}

  /** Redacts {@code in} to {@code out} with the standard redactor; returns the number of lines processed. */
  public static long filter(BufferedReader in, Writer out) throws IOException {
    return filter(in, out, STANDARD);
  }

  /** Redacts {@code in} to {@code out} with {@code redactor}; returns the number of lines processed. */
  public static long filter(BufferedReader in, Writer out, PiiRedactor redactor) throws IOException {
    long lines = 0;
    String line;
    while ((line = in.readLine()) != null) {
      out.write(redactor.redact(line).text());
      out.write('\n');
      lines++;
    }
    out.flush();
    return lines;
  }

  /**
   * Redacts UTF-8 bytes from {@code in} to UTF-8 bytes on {@code out}; malformed UTF-8 fails with a
   * {@link java.nio.charset.MalformedInputException} instead of being replaced silently.
   */
  public static long filterUtf8(InputStream in, OutputStream out) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return filter(reader, writer);
  }
}
