package io.kefu.dashboard.view;

import java.util.List;

/** The latest consumer-lag sample, and why the latest attempt failed when it did. */
public final class LagView {
  private LagSnapshot latest = new LagSnapshot(List.of(), 0, null, 0);

  /** Stores a successful sample taken at {@code atMillis}. */
  public synchronized void onSample(List<LagCalculator.LagRow> rows, long atMillis) {
    latest = new LagSnapshot(List.copyOf(rows), atMillis, null, 0);
  }

  /** Keeps the last rows but records that sampling failed at {@code atMillis} with {@code error}. */
  public synchronized void onFailure(String error, long atMillis) {
    latest = new LagSnapshot(latest.rows(), latest.sampledAt(), error, atMillis);
  }

  public synchronized LagSnapshot snapshot() {
    return latest;
  }

  /**
   * Consumer lag at one moment.
   *
   * @param rows one row per group and partition
   * @param sampledAt when the rows were read, epoch milliseconds; 0 before the first sample
   * @param error why the latest attempt failed, or null when it succeeded
   * @param errorAt when it failed, epoch milliseconds; 0 when it did not
   */
  public record LagSnapshot(List<LagCalculator.LagRow> rows, long sampledAt, String error, long errorAt) {}
}
