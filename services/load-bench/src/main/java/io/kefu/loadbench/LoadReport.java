package io.kefu.loadbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a {@link LoadResult} as a readable table and as JSON with the same figures. */
public final class LoadReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String ROW = "%-7s %-8s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-7s %-9s %-9s %s%n";

  private LoadReport() {}

  /** Prints the setup, one row per rate (or the soak's samples and trend), and the exactly-once counts. */
  public static void printTable(LoadResult result, PrintStream out) {
    out.printf(Locale.ROOT, "load benchmark (%.0f s)%n", result.seconds());
    out.printf(Locale.ROOT, "  %-30s %s%n", "model", result.model());
    result.setup().forEach((key, value) -> out.printf(Locale.ROOT, "  %-30s %s%n", key, value));
    if (!result.rates().isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, ROW, "target", "sent/s", "replies/s", "e2e p50", "e2e p99", "model p50", "model p99",
          "ovh p50", "ovh p99", "in p99", "out p99", "msg/txn", "lag mean", "lag slope", "");
      for (RateResult r : result.rates()) {
        LatencyFigures l = r.latency();
        out.printf(Locale.ROOT, ROW, r.targetRate(), f0(r.sentRate()), f0(r.achievedRate()), ms(l.endToEnd().p50()),
            ms(l.endToEnd().p99()), ms(l.model().p50()), ms(l.model().p99()), ms(l.overhead().p50()),
            ms(l.overhead().p99()), ms(l.beforeModel().p99()), ms(l.afterModel().p99()), f1(r.messagesPerTransaction()),
            f0(r.lag().mean()), String.format(Locale.ROOT, "%+.0f/s", r.lag().slopePerSecond()),
            r.saturated() ? "saturated" + (r.unanswered() > 0 ? " (" + r.unanswered() + " unanswered)" : "") : "held");
      }
      out.println();
      out.println("latencies in ms; e2e: message handed to the producer -> reply polled by a read_committed consumer;");
      out.println("model: reply service asked the model -> reply complete; ovh (overhead) = e2e - model, per reply;");
      out.println("in: produced -> model asked; out: model done -> reply visible (earlier messages of the partition, commit cadence, commit, fetch).");
      for (RateResult r : result.rates()) {
        out.printf(Locale.ROOT, "rate %d: %d measured, %d answered (%d untimed), service latencyMs p50/p99 %s/%s, "
                + "e2e p99.9 %s, lag %d -> %d (max %d), %d aborted transactions, drained in %.1f s%n", r.targetRate(),
            r.latency().sent(), r.latency().answered(), r.latency().untimed(), ms(r.latency().service().p50()),
            ms(r.latency().service().p99()), ms(r.latency().endToEnd().p999()), r.lag().first(), r.lag().last(),
            r.lag().max(), r.abortedTransactions(), r.drainSeconds());
      }
    }
    if (result.soak() != null) {
      printSoak(result.soak(), out);
    }
    out.printf(Locale.ROOT, "%nexactly once: %d sent, %d answered, %d lost, %d duplicated, %d unknown%n",
        result.sent(), result.answered(), result.lost(), result.duplicates(), result.unknown());
    if (result.lost() > 0) {
      out.println("(a message counts as lost when it was still unanswered as the run ended: raise --drain-timeout to tell"
          + " a slow drain from a loss)");
    }
  }

  private static void printSoak(SoakResult s, PrintStream out) {
    out.printf(Locale.ROOT, "%nsoak at %d msgs/s for %.0f s%n", s.rate(), s.seconds());
    out.printf(Locale.ROOT, "%8s %12s %12s %8s %10s %10s %10s%n", "t (s)", "heap MiB", "resident MiB", "lag",
        "replies/s", "e2e p99", "ovh p99");
    for (SoakSample x : s.samples()) {
      out.printf(Locale.ROOT, "%8.0f %12.1f %12.0f %8d %10.0f %10s %10s%n", x.seconds(), x.heapAfterGcMib(),
          x.residentMib(), x.lag(),
          x.throughput(), ms(x.endToEndP99()), ms(x.overheadP99()));
    }
    LatencyFigures l = s.latency();
    out.printf(Locale.ROOT, "whole soak: e2e p50/p99 %s/%s ms, model p50/p99 %s/%s ms, overhead p50/p99 %s/%s ms%n",
        ms(l.endToEnd().p50()), ms(l.endToEnd().p99()), ms(l.model().p50()), ms(l.model().p99()),
        ms(l.overhead().p50()), ms(l.overhead().p99()));
    out.printf(Locale.ROOT, "trend (first quarter -> last quarter of samples): heap after GC %.1f -> %.1f MiB (%+.1f%%) "
            + "%s; resident %s; lag %.0f -> %.0f (slope %+.2f/s) %s%n", s.heapFirstQuartileMib(),
        s.heapLastQuartileMib(), 100 * (s.heapLastQuartileMib() - s.heapFirstQuartileMib()) / s.heapFirstQuartileMib(),
        s.heapFlat() ? "flat" : "GROWING", resident(s), s.lagFirstQuartile(), s.lagLastQuartile(),
        s.lag().slopePerSecond(), s.lagFlat() ? "no growth" : "GROWING");
  }

  private static String resident(SoakResult s) {
    if (Double.isNaN(s.residentFirstQuartileMib()) || Double.isNaN(s.residentLastQuartileMib())) {
      return "not measured";
    }
    return String.format(Locale.ROOT, "%.0f -> %.0f MiB (%+.1f%%) %s", s.residentFirstQuartileMib(),
        s.residentLastQuartileMib(),
        100 * (s.residentLastQuartileMib() - s.residentFirstQuartileMib()) / s.residentFirstQuartileMib(),
        s.residentFlat() ? "flat" : "GROWING");
  }

  /** The result as indented JSON. */
  public static String toJson(LoadResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the load result as JSON", e);
    }
  }

  /** Writes {@link #toJson} to {@code file}, creating its directory. */
  public static void writeJson(LoadResult result, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String f0(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String f1(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
