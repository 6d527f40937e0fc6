package io.kefu.loadbench;

import java.util.List;

/**
 * A soak: samples at a fixed interval, and the trend of heap, resident memory and lag from the first quarter of samples to the last.
 *
 * @param rate messages per second
 * @param seconds measured time
 * @param samples the samples, in order
 * @param latency latencies of every message sent while measuring
 * @param heapFirstQuartileMib mean heap after GC of the first quarter of samples
 * @param heapLastQuartileMib mean heap after GC of the last quarter
 * @param residentFirstQuartileMib mean resident memory of the first quarter (NaN when not measured)
 * @param residentLastQuartileMib mean resident memory of the last quarter (NaN when not measured)
 * @param lagFirstQuartile mean lag of the first quarter
 * @param lagLastQuartile mean lag of the last quarter
 * @param lag lag over all samples (slope included)
 * @param heapFlat heap's last quarter within 10% (or 32 MiB) of its first
 * @param residentFlat resident memory's last quarter within 10% (or 64 MiB) of its first, or not measured: native
 *     memory (the model's tensors) is outside the heap, so a flat heap alone does not show a process that keeps
 *     its size
 * @param lagFlat lag's last quarter at most one second of traffic above its first, and its slope under 1% of the rate
 */
public record SoakResult(int rate, double seconds, List<SoakSample> samples, LatencyFigures latency,
    double heapFirstQuartileMib, double heapLastQuartileMib, double residentFirstQuartileMib,
    double residentLastQuartileMib, double lagFirstQuartile, double lagLastQuartile, LagFigures lag, boolean heapFlat,
    boolean residentFlat, boolean lagFlat) {

  /** Summarises {@code samples} (at least one). */
  public static SoakResult of(int rate, double seconds, List<SoakSample> samples, LatencyFigures latency) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a soak needs at least one sample; make the duration longer than the interval");
    }
    int quarter = Math.max(1, samples.size() / 4);
    List<SoakSample> first = samples.subList(0, quarter);
    List<SoakSample> last = samples.subList(samples.size() - quarter, samples.size());
    double heapFirst = first.stream().mapToDouble(SoakSample::heapAfterGcMib).average().orElse(0);
    double heapLast = last.stream().mapToDouble(SoakSample::heapAfterGcMib).average().orElse(0);
    double residentFirst = first.stream().mapToDouble(SoakSample::residentMib).average().orElse(Double.NaN);
    double residentLast = last.stream().mapToDouble(SoakSample::residentMib).average().orElse(Double.NaN);
    double lagFirst = first.stream().mapToLong(SoakSample::lag).average().orElse(0);
    double lagLast = last.stream().mapToLong(SoakSample::lag).average().orElse(0);
    LagFigures lag = LagFigures.of(samples.stream().map(SoakSample::seconds).toList(),
        samples.stream().map(SoakSample::lag).toList());
    boolean heapFlat = heapLast - heapFirst <= Math.max(0.10 * heapFirst, 32.0);
    boolean residentFlat = Double.isNaN(residentFirst) || Double.isNaN(residentLast)
        || residentLast - residentFirst <= Math.max(0.10 * residentFirst, 64.0);
    boolean lagFlat = lagLast - lagFirst <= rate && lag.slopePerSecond() < 0.01 * rate;
    return new SoakResult(rate, seconds, List.copyOf(samples), latency, heapFirst, heapLast, residentFirst,
        residentLast, lagFirst, lagLast, lag, heapFlat, residentFlat, lagFlat);
  }
}
