package io.kefu.redaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds personal data in text and reports where it is, without changing the text; immutable and safe to
 * share between threads.
 *
 * <p>Tests elsewhere use it to assert that an output holds no personal data at all.
 */
public final class PiiDetector {
  private final List<Recognizer> recognizers;
  private final ProtectedContext protectedContext = new ProtectedContext();

  /** A detector that judges resident-ID birth dates against the system clock (UTC). */
  public PiiDetector() {
    this(Clock.systemUTC());
  }

  /** A detector that judges resident-ID birth dates (no later than today) against {@code clock}. */
  public PiiDetector(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.recognizers = List.of(
        new EmailRecognizer(),
        new PhoneRecognizer(),
        new CardRecognizer(),
        new IbanRecognizer(),
        new ResidentIdRecognizer(clock),
        new Ipv4Recognizer(),
        new StreetAddressRecognizer());
  }

  /** The non-overlapping spans of personal data in {@code text}, ordered by start. */
  public List<PiiSpan> detect(String text) {
    Objects.requireNonNull(text, "text");
    List<PiiSpan> candidates = new ArrayList<>();
    for (Recognizer recognizer : recognizers) {
      recognizer.findAll(text, span -> {
        if (!protectedContext.protects(text, span)) {
          candidates.add(span);
        }
      });
    }
    return OverlapResolver.resolve(candidates);
  }

  /** Whether {@code text} holds any personal data. */
  public boolean containsPii(String text) {
    return !detect(text).isEmpty();
  }
}
