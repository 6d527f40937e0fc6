package io.kefu.poison.report;

import io.kefu.poison.env.LivenessReport;
import io.kefu.poison.verify.CaseResult;
import io.kefu.poison.verify.Totals;
import java.util.List;

/** Renders a {@link MatrixReport} as a plain-text table: case, topic, expected, actual, pass; then totals. */
public final class OutcomeTable {
  private OutcomeTable() {}

  public static String render(MatrixReport report) {
    List<CaseResult> rows = report.cases();
    int name = width("case", rows.stream().map(CaseResult::name).toList());
    int topic = width("topic", rows.stream().map(CaseResult::topic).toList());
    int expected = width("expected", rows.stream().map(CaseResult::expected).toList());
    int actual = width("actual", rows.stream().map(CaseResult::actual).toList());
    String format = "%-" + name + "s  %-" + topic + "s  %-" + expected + "s  %-" + actual + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "case", "topic", "expected", "actual", "pass"));
    out.append(String.format(format, "-".repeat(name), "-".repeat(topic), "-".repeat(expected), "-".repeat(actual),
        "----"));
    for (CaseResult r : rows) {
      out.append(String.format(format, r.name(), r.topic(), r.expected(), r.actual(), r.pass() ? "yes" : "NO"));
    }
    for (CaseResult r : report.failures()) {
      out.append(String.format("%nFAILED %s:%n", r.name()));
      r.problems().forEach(p -> out.append("  - ").append(p).append(System.lineSeparator()));
    }
    Totals t = report.totals();
    out.append(String.format("%ninputs tried %d, records in %d, records out %d, lost %d, duplicated %d%n",
        t.inputsTried(), t.recordsIn(), t.recordsOut(), t.lost(), t.duplicated()));
    out.append(String.format("replies %d (expected %d), dead letters %d (expected %d), training examples %d"
        + " (expected %d)%n", t.replies(), t.expectedReplies(), t.deadLetters(), t.expectedDeadLetters(), t.examples(),
        t.expectedExamples()));
    LivenessReport l = report.liveness();
    out.append(String.format("restarts: %s (reply service same instance %s, loop thread same %s, not-live samples %d,"
        + " aborted transactions %d; feedback stream states %s, stream threads same %s, handler skips %d; %d"
        + " samples)%n", l.noRestarts() ? "none" : "SEEN", l.replySameInstance(), l.replyLoopThreadSame(),
        l.replyNotLiveSamples(), l.replyAbortedTransactions(), l.streamStatesSeen(), l.streamThreadsSame(),
        l.streamHandlerSkips(), l.samples()));
    out.append(String.format("%d of %d cases passed in %d s: %s%n", rows.size() - report.failures().size(),
        rows.size(), report.elapsed().toSeconds(), report.passed() ? "PASS" : "FAIL"));
    return out.toString();
  }

  private static int width(String header, List<String> values) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }
}
