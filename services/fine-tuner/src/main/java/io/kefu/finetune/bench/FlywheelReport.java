package io.kefu.finetune.bench;

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
import java.util.Map;

/** Writes a {@link FlywheelResult} as a readable table and as JSON with the same figures. */
public final class FlywheelReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FlywheelReport() {}

  /** Prints the setup, one row per version (base first) and the outcome. */
  public static void printTable(FlywheelResult result, PrintStream out) {
    out.printf(Locale.ROOT, "flywheel benchmark of %s from %s (%.0f s)%n", result.modelName(), result.baseVersion(),
        result.seconds());
    result.setup().forEach((key, value) -> out.printf(Locale.ROOT, "  %-22s %s%n", key, value));
    out.printf(Locale.ROOT, "  %-22s %d conversations (%d left out: sent as traffic)%n", "held-out pool",
        result.poolSize(), result.poolExcluded());
    out.println();
    out.printf(Locale.ROOT, "%-5s %-16s %-16s %-22s %-9s %-15s %-13s %-13s %-9s %-27s %-7s %-6s %s%n", "cycle",
        "version", "parent", "examples +/-/human/rep", "gate", "loss (parent)", "intent% (par)", "pref (parent)",
        "canary", "live canary vs active", "held★", "CSAT", "right/order/step%");
    out.printf(Locale.ROOT, "%-5s %-16s %-16s %-22s %-9s %-15s %-13s %-13s %-9s %-27s %-7s %-6s %s%n", "0",
        result.baseVersion(), "-", "-", "-", "-", String.format(Locale.ROOT, "%.1f", result.baseIntentPercent()), "-",
        "-", "-", stars(result.base().meanRating()), percent(result.base().csat()), quality(result.base()));
    for (CycleResult c : result.cycles()) {
      Map<String, Double> t = c.trainingMetrics();
      Map<String, Double> e = c.evaluation();
      String examples = t.isEmpty() ? "-" : String.format(Locale.ROOT, "%s/%s/%s/%s", count(t, "examples.positive"),
          count(t, "examples.negative"), count(t, "examples.human"), count(t, "examples.replay"));
      out.printf(Locale.ROOT, "%-5d %-16s %-16s %-22s %-9s %-15s %-13s %-13s %-9s %-27s %-7s %-6s %s%n", c.cycle(),
          c.version() == null ? "-" : c.version(), c.parentVersion(), examples, c.gateStatus(),
          pair(e, "heldout.loss", "%.3f"), pair(e, "intent.addressed.percent", "%.1f"),
          pair(e, "preference.score", "%.2f"), c.canaryDecision(), live(c.canaryArm()) + " vs " + live(c.activeArm()),
          c.heldOut() == null ? "-" : stars(c.heldOut().meanRating()),
          c.heldOut() == null ? "-" : percent(c.heldOut().csat()), c.heldOut() == null ? "-" : quality(c.heldOut()));
    }
    out.println();
    for (CycleResult c : result.cycles()) {
      if (!c.trainingMetrics().isEmpty()) {
        out.printf(Locale.ROOT, "cycle %d fine-tune: %s new examples in %.0f s (%s)%n", c.cycle(),
            count(c.trainingMetrics(), "examples.new"), c.fineTuneSeconds(),
            phases(c.trainingMetrics(), c.fineTuneSeconds()));
      }
    }
    for (CycleResult c : result.cycles()) {
      out.printf(Locale.ROOT, "cycle %d: traffic %d messages, %s live %s (n=%d); gate: %s; canary: %s%n", c.cycle(),
          c.trafficMessages(), c.parentVersion(), stars(c.traffic().meanRating()), c.traffic().ratings(),
          c.gateReason(), c.canaryReason());
    }
    out.printf(Locale.ROOT, "uplift: %+.2f stars (%s %s vs base %s %s on the held-out pool); %d promoted; every "
            + "promoted version better than its parent: %s%n", result.uplift(), result.finalVersion(),
        stars(result.finalFigures().meanRating()), result.baseVersion(), stars(result.base().meanRating()),
        result.promoted(), result.promoted() == 0 ? "n/a" : result.everyPromotedBetterThanParent() ? "yes" : "no");
    out.printf(Locale.ROOT, "held-out intent score: base %.1f%% -> %s %.1f%% (%+.1f points)%n",
        result.baseIntentPercent(), result.finalVersion(), result.finalIntentPercent(), result.intentChangePoints());
  }

  /** The result as indented JSON. */
  public static String toJson(FlywheelResult result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the flywheel result as JSON", e);
    }
  }

  /** Writes {@link #toJson} to {@code file}, creating its directory. */
  public static void writeJson(FlywheelResult result, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
  }

  /**
   * The phases of a fine-tune run that took {@code totalSeconds} from TRAIN_NOW to its published outcome: training,
   * evaluation (candidate and parent), and the rest (building the set, copying the model, storing and publishing).
   */
  static String phases(Map<String, Double> training, double totalSeconds) {
    double train = training.getOrDefault("seconds", Double.NaN);
    double evaluate = training.getOrDefault("seconds.evaluate", Double.NaN);
    return String.format(Locale.ROOT, "train %.0f s, evaluate %.0f s, build/store/publish %.0f s", train, evaluate,
        totalSeconds - train - evaluate);
  }

  private static String count(Map<String, Double> map, String key) {
    Double value = map.get(key);
    return value == null ? "?" : String.valueOf(Math.round(value));
  }

  private static String pair(Map<String, Double> map, String key, String format) {
    Double candidate = map.get(key);
    Double parent = map.get("parent." + key);
    if (candidate == null && parent == null) {
      return "-";
    }
    return format(candidate, format) + " (" + format(parent, format) + ")";
  }

  private static String format(Double value, String format) {
    return value == null ? "n/a" : String.format(Locale.ROOT, format, value);
  }

  private static String live(LiveFigures figures) {
    return figures == null || figures.ratings() == 0 ? "-"
        : String.format(Locale.ROOT, "%.2f/%.0f%%(%d)", figures.meanRating(), 100 * figures.csat(), figures.ratings());
  }

  private static String stars(Double value) {
    return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
  }

  private static String quality(HeldOutFigures f) {
    return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", f.rightIntentPercent(), f.namesOrderPercent(),
        f.nextStepPercent());
  }
}
