package io.kefu.redaction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Replaces personal data with type placeholders ({@code <EMAIL>}, {@code <PHONE>}, ...); immutable and thread-safe. */
public final class PiiRedactor {
  private final PiiDetector detector;

  /** A redactor over the standard detector. */
  public PiiRedactor() {
    this(new PiiDetector());
  }

  /** A redactor over {@code detector}. */
  public PiiRedactor(PiiDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /** {@code text} with every detected value replaced by its type's placeholder, and the counts per type. */
  public Redaction redact(String text) {
    List<PiiSpan> spans = detector.detect(text);
    StringBuilder redacted = new StringBuilder(text.length());
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    int copied = 0;
    for (PiiSpan span : spans) {
      redacted.append(text, copied, span.start()).append(span.type().placeholder());
      counts.merge(span.type(), 1, Integer::sum);
      copied = span.end();
    }
    redacted.append(text, copied, text.length());
    return new Redaction(redacted.toString(), counts);
  }

  /** The detector this redactor replaces the findings of. */
  public PiiDetector detector() {
    return detector;
  }
}
