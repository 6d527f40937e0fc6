package io.kefu.feedback;

import static io.kefu.feedback.TestRecords.handoff;
import static io.kefu.feedback.TestRecords.message;
import static io.kefu.feedback.TestRecords.modelReply;
import static io.kefu.feedback.TestRecords.rating;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.HandoffStatus;
import io.kefu.contract.OpsMetrics;
import io.kefu.feedback.aggregate.OpsAggregate;
import io.kefu.feedback.aggregate.VersionKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator aggregates of the feedback topology, exact for scripted inputs, on a TopologyTestDriver. */
class FeedbackAggregatesTest {
  /** Start of the first one-minute window. */
  private static final Instant W0 = Instant.parse("2030-03-01T10:00:00Z");
  private static final Instant W1 = W0.plusSeconds(60);

  @TempDir
  Path stateDir;

  private FeedbackDriver driver;

  @BeforeEach
  void startDriver() {
    driver = new FeedbackDriver(stateDir);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  /** The scripted traffic of two windows; the expected figures below are worked out by hand from it. */
  private void playScript() {
    // Window 0: 3 messages; v1 replies with latencies 120, 80, 250, 1000 ms; a v2 reply of 40 ms;
    // a v1 handoff opened (and later answered, which is no new handoff); ratings 5, 4, 1 of v1 and 3 of v2;
    // one rating of 6, which is dead-lettered.
    driver.message(message("m-1", W0.plusSeconds(1)), W0.plusSeconds(1));
    driver.message(message("m-2", W0.plusSeconds(2)), W0.plusSeconds(2));
    driver.message(message("m-3", W0.plusSeconds(3)), W0.plusSeconds(3));
    driver.reply(modelReply("r-1", "v1", 120, W0.plusSeconds(5)), W0.plusSeconds(5));
    driver.reply(modelReply("r-2", "v1", 80, W0.plusSeconds(6)), W0.plusSeconds(6));
    driver.reply(modelReply("r-3", "v1", 250, W0.plusSeconds(7)), W0.plusSeconds(7));
    driver.reply(modelReply("r-4", "v1", 1000, W0.plusSeconds(8)), W0.plusSeconds(8));
    driver.reply(modelReply("r-5", "v2", 40, W0.plusSeconds(9)), W0.plusSeconds(9));
    driver.handoff(handoff("h-1", "v1", HandoffStatus.OPEN, W0.plusSeconds(10)), W0.plusSeconds(10));
    driver.handoff(handoff("h-1", "v1", HandoffStatus.ANSWERED, W0.plusSeconds(11)), W0.plusSeconds(11));
    driver.rate(rating("r-1", 5, null, W0.plusSeconds(20)), W0.plusSeconds(20));
    driver.rate(rating("r-2", 4, null, W0.plusSeconds(21)), W0.plusSeconds(21));
    driver.rate(rating("r-3", 1, null, W0.plusSeconds(22)), W0.plusSeconds(22));
    driver.rate(rating("r-5", 3, null, W0.plusSeconds(23)), W0.plusSeconds(23));
    driver.rate(rating("r-4", 6, null, W0.plusSeconds(30)), W0.plusSeconds(30));
    // Window 1: r-1 re-rated 2; r-2's rating redelivered (no change); a v1 reply of 3000 ms; one message.
    driver.rate(rating("r-1", 2, null, W0.plusSeconds(70)), W0.plusSeconds(70));
    driver.rate(rating("r-2", 4, null, W0.plusSeconds(21)), W0.plusSeconds(75));
    driver.reply(modelReply("r-6", "v1", 3000, W0.plusSeconds(80)), W0.plusSeconds(80));
    driver.message(message("m-4", W0.plusSeconds(90)), W0.plusSeconds(90));
  }

  @Test
  void shouldCountEveryWindowOfEveryVersionExactly() {
    // Given the scripted traffic
    playScript();
    // Then each window of each version holds exactly the hand-computed figures
    assertThat(driver.window("v1", W0)).isEqualTo(expected(0, 4, 1, 3, 10, 2, 0, 80, 120, 250, 1000));
    assertThat(driver.window("v2", W0)).isEqualTo(expected(0, 1, 0, 1, 3, 0, 0, 40));
    assertThat(driver.window(VersionKeys.ALL, W0)).isEqualTo(expected(3, 5, 1, 4, 13, 2, 1, 40, 80, 120, 250, 1000));
    assertThat(driver.window("v1", W1)).isEqualTo(expected(0, 1, 0, 1, 2, 0, 0, 3000));
    assertThat(driver.window("v2", W1)).isNull();
    assertThat(driver.window(VersionKeys.ALL, W1)).isEqualTo(expected(1, 1, 0, 1, 2, 0, 0, 3000));
  }

  @Test
  void shouldDeriveAverageCsatAndLatencyPercentilesExactly() {
    // Given the scripted traffic
    playScript();
    // Then window 0 of v1 has ratings 5, 4, 1 and latencies 80, 120, 250, 1000 ms
    OpsMetrics v1 = driver.window("v1", W0).toOpsMetrics("v1", W0.toEpochMilli(), W1.toEpochMilli());
    assertThat(v1.getAverageRating()).isEqualTo(10.0 / 3);
    assertThat(v1.getCsat()).isEqualTo(2.0 / 3);
    assertThat(v1.getLatencyP50Ms()).isEqualTo(120.0);
    assertThat(v1.getLatencyP95Ms()).isEqualTo(1000.0);
    assertThat(v1.getLatencyP99Ms()).isEqualTo(1000.0);
    // And window 0 of all adds v2's rating 3 and latency 40 ms, and the dead letter
    OpsMetrics all = driver.window(VersionKeys.ALL, W0).toOpsMetrics("all", W0.toEpochMilli(), W1.toEpochMilli());
    assertThat(all.getAverageRating()).isEqualTo(3.25);
    assertThat(all.getCsat()).isEqualTo(0.5);
    assertThat(all.getLatencyP50Ms()).isEqualTo(120.0);
    assertThat(all.getLatencyP95Ms()).isEqualTo(1000.0);
    assertThat(all.getDlqRecords()).isEqualTo(1);
    // And a latency above the exact range is reported as its 16 ms bucket's midpoint (2992..3007 ms)
    OpsMetrics later = driver.window("v1", W1).toOpsMetrics("v1", W1.toEpochMilli(), W1.plusSeconds(60).toEpochMilli());
    assertThat(later.getLatencyP99Ms()).isEqualTo(2999.5);
  }

  @Test
  void shouldKeepOneRatingPerReplyInTheRunningTotals() {
    // Given the scripted traffic, in which r-1 was rated 5 and then re-rated 2
    playScript();
    // Then the totals count r-1 once, with its latest rating
    assertThat(driver.total("v1")).isEqualTo(expected(0, 5, 1, 3, 7, 1, 0, 80, 120, 250, 1000, 3000));
    assertThat(driver.total("v2")).isEqualTo(expected(0, 1, 0, 1, 3, 0, 0, 40));
    assertThat(driver.total(VersionKeys.ALL)).isEqualTo(expected(4, 6, 1, 4, 10, 1, 1, 40, 80, 120, 250, 1000, 3000));
    OpsMetrics all = driver.total(VersionKeys.ALL).toOpsMetrics("all", 0, 0);
    assertThat(all.getAverageRating()).isEqualTo(2.5);
    assertThat(all.getCsat()).isEqualTo(0.25);
    assertThat(all.getLatencyP50Ms()).isEqualTo(120.0);
    assertThat(all.getLatencyP95Ms()).isEqualTo(2999.5);
  }

  @Test
  void shouldReportNearestRankPercentilesOfTwentyLatencies() {
    // Given 20 replies of v3 with latencies 1..20 ms in one window
    for (int i = 1; i <= 20; i++) {
      driver.reply(modelReply("r-" + i, "v3", i, W0.plusMillis(i)), W0.plusMillis(i));
    }
    // Then p50, p95 and p99 are the 10th, 19th and 20th values (ranks ceil(0.5·20), ceil(0.95·20), ceil(0.99·20))
    OpsMetrics v3 = driver.window("v3", W0).toOpsMetrics("v3", W0.toEpochMilli(), W1.toEpochMilli());
    assertThat(v3.getReplies()).isEqualTo(20);
    assertThat(v3.getLatencyP50Ms()).isEqualTo(10.0);
    assertThat(v3.getLatencyP95Ms()).isEqualTo(19.0);
    assertThat(v3.getLatencyP99Ms()).isEqualTo(20.0);
  }

  @Test
  void shouldPublishEveryWindowToOpsMetricsWithItsLatestFiguresLast() {
    // Given the scripted traffic
    playScript();
    // When the ops-metrics records are read, keeping the last one per version and window
    Map<String, OpsMetrics> latest = new LinkedHashMap<>();
    List<TestRecord<String, OpsMetrics>> records = driver.opsMetrics();
    for (TestRecord<String, OpsMetrics> record : records) {
      assertThat(record.key()).isEqualTo(record.value().getModelVersion());
      latest.put(record.key() + "@" + record.value().getWindowStart().toEpochMilli(), record.value());
    }
    // Then they are exactly the windows of the store
    assertThat(latest.keySet()).containsExactlyInAnyOrder("v1@" + W0.toEpochMilli(), "v2@" + W0.toEpochMilli(),
        "all@" + W0.toEpochMilli(), "v1@" + W1.toEpochMilli(), "all@" + W1.toEpochMilli());
    assertThat(latest.get("v1@" + W0.toEpochMilli()))
        .isEqualTo(driver.window("v1", W0).toOpsMetrics("v1", W0.toEpochMilli(), W1.toEpochMilli()));
    assertThat(latest.get("all@" + W1.toEpochMilli()).getWindowEnd()).isEqualTo(W1.plusSeconds(60));
    assertThat(latest.get("all@" + W0.toEpochMilli()).getDlqRecords()).isEqualTo(1);
    assertThat(latest.get("all@" + W0.toEpochMilli()).getMessages()).isEqualTo(3);
  }

  private static OpsAggregate expected(long messages, long replies, long handoffs, long ratings, long ratingSum,
      long satisfied, long deadLetters, long... latencies) {
    io.kefu.feedback.aggregate.LatencyHistogram histogram = io.kefu.feedback.aggregate.LatencyHistogram.empty();
    for (long latency : latencies) {
      histogram = histogram.plus(latency);
    }
    return new OpsAggregate(messages, replies, handoffs, ratings, ratingSum, satisfied, deadLetters, histogram);
  }
}
