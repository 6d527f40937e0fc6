package io.kefu.simulator;

import java.util.Locale;
import java.util.Map;

/** The one-line progress report of a running simulation, as {@code kefu simulate} prints it. */
public final class SimulationProgress {
  private SimulationProgress() {}

  /**
   * The line for {@code report} of run {@code runId}, which plans {@code planned} messages (0: until stopped), e.g.
   * {@code sim-1: sent 120/1000, answered 118 (4 handed off, 4 answered by the operator), rated 110: mean 3.21,
   * CSAT 45.5% [base-1 3.10 (n=80), ft-0a1b 3.50 (n=30)]}.
   */
  public static String line(String runId, long planned, SimulationReport report) {
    RatingTally.Snapshot all = new RatingTally.Snapshot(new long[5]);
    StringBuilder versions = new StringBuilder();
    for (Map.Entry<String, RatingTally.Snapshot> entry : report.byVersion().entrySet()) {
      RatingTally.Snapshot v = entry.getValue();
      all = plus(all, v);
      versions.append(versions.isEmpty() ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s %.2f (n=%d)", entry.getKey(), v.mean(), v.ratings()));
    }
    String ratings = all.ratings() == 0 ? ""
        : String.format(Locale.ROOT, ": mean %.2f, CSAT %.1f%% [%s]", all.mean(), 100 * all.csat(), versions);
    return String.format(Locale.ROOT, "%s: sent %d%s, answered %d (%d handed off, %d answered by the operator), "
            + "rated %d%s", runId, report.sent(), planned == 0 ? "" : "/" + planned, report.answered(),
        report.handedOff(), report.operatorAnswers(), report.rated(), ratings);
  }

  private static RatingTally.Snapshot plus(RatingTally.Snapshot a, RatingTally.Snapshot b) {
    long[] sum = new long[5];
    for (int i = 0; i < 5; i++) {
      sum[i] = a.byStars()[i] + b.byStars()[i];
    }
    return new RatingTally.Snapshot(sum);
  }
}
