package io.kefu.feedback.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.feedback.serde.JsonSerde;
import org.junit.jupiter.api.Test;

/** The latency histogram: exact buckets below 2048 ms, 1/128-octave buckets above, nearest-rank percentiles. */
class LatencyHistogramTest {

  @Test
  void shouldGiveEveryMillisecondBelowTheExactLimitItsOwnBucket() {
    assertThat(LatencyHistogram.bucketOf(0)).isEqualTo(0);
    assertThat(LatencyHistogram.bucketOf(2047)).isEqualTo(2047);
    assertThat(LatencyHistogram.lowerBound(2047)).isEqualTo(2047);
    assertThat(LatencyHistogram.width(2047)).isEqualTo(1);
  }

  @Test
  void shouldSplitEachPowerOfTwoAboveTheExactLimitIntoOneHundredTwentyEightBuckets() {
    // 2048..4095 ms: buckets of 16 ms
    assertThat(LatencyHistogram.bucketOf(2048)).isEqualTo(2048);
    assertThat(LatencyHistogram.bucketOf(2063)).isEqualTo(2048);
    assertThat(LatencyHistogram.bucketOf(2064)).isEqualTo(2049);
    assertThat(LatencyHistogram.bucketOf(4095)).isEqualTo(2048 + 127);
    assertThat(LatencyHistogram.width(2048)).isEqualTo(16);
    // 4096 ms starts the next power of two: buckets of 32 ms
    assertThat(LatencyHistogram.bucketOf(4096)).isEqualTo(2048 + 128);
    assertThat(LatencyHistogram.lowerBound(2048 + 128)).isEqualTo(4096);
    assertThat(LatencyHistogram.width(2048 + 128)).isEqualTo(32);
    // every bucket's lower bound maps back to the bucket, up to the largest latency
    for (long value : new long[] {2048, 3000, 65_535, 1_000_000, Long.MAX_VALUE}) {
      int bucket = LatencyHistogram.bucketOf(value);
      assertThat(LatencyHistogram.bucketOf(LatencyHistogram.lowerBound(bucket))).isEqualTo(bucket);
      assertThat(value - LatencyHistogram.lowerBound(bucket)).isBetween(0L, LatencyHistogram.width(bucket) - 1);
    }
  }

  @Test
  void shouldUseTheNearestRankRuleForPercentiles() {
    // Given the values 10, 20, 30, 40 ms
    LatencyHistogram histogram = LatencyHistogram.empty().plus(40).plus(10).plus(30).plus(20);
    // Then p50 is the 2nd value, p75 the 3rd, p95 and p99 the 4th
    assertThat(histogram.total()).isEqualTo(4);
    assertThat(histogram.percentile(0.50)).isEqualTo(20.0);
    assertThat(histogram.percentile(0.75)).isEqualTo(30.0);
    assertThat(histogram.percentile(0.95)).isEqualTo(40.0);
    assertThat(histogram.percentile(0.99)).isEqualTo(40.0);
    assertThat(LatencyHistogram.empty().percentile(0.5)).isNull();
    assertThatThrownBy(() -> histogram.percentile(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile fraction must be in (0, 1], was 0.0");
  }

  @Test
  void shouldMergeIntoTheHistogramOfBothSetsOfValues() {
    LatencyHistogram a = LatencyHistogram.empty().plus(5).plus(5000).plus(7);
    LatencyHistogram b = LatencyHistogram.empty().plus(7).plus(1).plus(-3);
    LatencyHistogram both = LatencyHistogram.empty().plus(5).plus(5000).plus(7).plus(7).plus(1).plus(0);
    assertThat(a.merge(b)).isEqualTo(both);
    assertThat(b.merge(a)).isEqualTo(both);
    assertThat(a.merge(LatencyHistogram.empty())).isEqualTo(a);
  }

  @Test
  void shouldRoundTripThroughTheStoreSerde() {
    JsonSerde<LatencyHistogram> serde = new JsonSerde<>(LatencyHistogram.class);
    LatencyHistogram histogram = LatencyHistogram.empty().plus(3).plus(3).plus(9000);
    byte[] bytes = serde.serializer().serialize("t", histogram);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(histogram);
  }

  @Test
  void shouldRefuseASparseFormThatIsNotIncreasing() {
    assertThatThrownBy(() -> new LatencyHistogram(new int[] {5, 3}, new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket indexes must increase and counts be positive; bucket 1 has index 3 and count 1");
  }
}
