package io.kefu.dashboard.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Average rating and CSAT (share of 4 and 5 stars) per model version over time, from joining each rating with the
 * model version of the reply it rates.
 *
 * <p>The join needs no other service: the view remembers the version of recent model replies, holds a rating that
 * arrives before its reply until the reply comes, and lets a later rating of the same reply replace the earlier one.
 */
public final class RatingView {
  /** Width of one point of the series. */
  public static final Duration BUCKET = Duration.ofSeconds(10);
  static final int REMEMBERED_REPLIES = 50_000;
  static final int PENDING_RATINGS = 5_000;

  private final BucketRing<Map<String, Tally>> ring;
  private final Map<String, String> versionByReply = new BoundedMap<>(REMEMBERED_REPLIES, false);
  private final Map<String, Rating> pendingByReply = new BoundedMap<>(PENDING_RATINGS, false);
  private final Map<String, Applied> appliedByReply = new BoundedMap<>(REMEMBERED_REPLIES, false);

  /** A view keeping {@code history} of ratings. */
  public RatingView(Duration history) {
    int buckets = (int) Math.max(1, Math.min(history.toMillis() / BUCKET.toMillis(), 8640));
    this.ring = new BucketRing<>(BUCKET.toMillis(), buckets, TreeMap::new);
  }

  /** Remembers that {@code replyId} was written by {@code modelVersion}, and applies a rating that waited for it. */
  public synchronized void onModelReply(String replyId, String modelVersion, long nowMillis) {
    versionByReply.put(replyId, modelVersion);
    Rating pending = pendingByReply.remove(replyId);
    if (pending != null) {
      apply(replyId, modelVersion, pending, nowMillis);
    }
  }

  /** Counts a 1..5 rating of {@code replyId} given at {@code ratedAtMillis}; other values are not ratings and are skipped. */
  public synchronized void onRating(String replyId, int rating, long ratedAtMillis, long nowMillis) {
    if (rating < 1 || rating > 5) {
      return; // the feedback stream dead-letters these; they are not evidence about any version
    }
    Rating r = new Rating(rating, ratedAtMillis);
    String version = versionByReply.get(replyId);
    if (version == null) {
      pendingByReply.put(replyId, r);
    } else {
      apply(replyId, version, r, nowMillis);
    }
  }

  private void apply(String replyId, String version, Rating rating, long nowMillis) {
    Applied previous = appliedByReply.remove(replyId);
    if (previous != null) {
      Map<String, Tally> old = ring.existing(previous.rating().atMillis());
      Tally tally = old == null ? null : old.get(previous.version());
      if (tally != null) {
        tally.remove(previous.rating().stars());
      }
    }
    Map<String, Tally> bucket = ring.bucketFor(rating.atMillis(), nowMillis);
    if (bucket != null) {
      bucket.computeIfAbsent(version, v -> new Tally()).add(rating.stars());
      appliedByReply.put(replyId, new Applied(version, rating));
    }
  }

  /** Per-version series over the window ending at {@code nowMillis}, versions in name order. */
  public synchronized RatingSeries snapshot(long nowMillis) {
    List<BucketRing.Slot<Map<String, Tally>>> slots = ring.window(nowMillis);
    int n = slots.size();
    long[] seconds = new long[n];
    TreeSet<String> versions = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      seconds[i] = slots.get(i).startMillis() / 1000;
      if (slots.get(i).bucket() != null) {
        slots.get(i).bucket().forEach((v, t) -> {
          if (t.count > 0) {
            versions.add(v);
          }
        });
      }
    }
    List<VersionRatings> series = new ArrayList<>();
    for (String version : versions) {
      Double[] average = new Double[n];
      Double[] csat = new Double[n];
      long[] ratings = new long[n];
      Tally total = new Tally();
      for (int i = 0; i < n; i++) {
        Map<String, Tally> bucket = slots.get(i).bucket();
        Tally t = bucket == null ? null : bucket.get(version);
        if (t != null && t.count > 0) {
          average[i] = t.average();
          csat[i] = t.csat();
          ratings[i] = t.count;
          total.merge(t);
        }
      }
      series.add(new VersionRatings(version, average, csat, ratings, total.count, total.average(), total.csat()));
    }
    return new RatingSeries(seconds, series);
  }

  /** Ratings counted in one bucket for one version. */
  private static final class Tally {
    private long count;
    private long sum;
    private long positive;

    void add(int stars) {
      count++;
      sum += stars;
      positive += stars >= 4 ? 1 : 0;
    }

    void remove(int stars) {
      count--;
      sum -= stars;
      positive -= stars >= 4 ? 1 : 0;
    }

    void merge(Tally other) {
      count += other.count;
      sum += other.sum;
      positive += other.positive;
    }

    Double average() {
      return count == 0 ? null : (double) sum / count;
    }

    Double csat() {
      return count == 0 ? null : (double) positive / count;
    }
  }

  private record Rating(int stars, long atMillis) {}

  private record Applied(String version, Rating rating) {}

  /**
   * Rating series of every version rated in the window.
   *
   * @param seconds bucket start, epoch seconds
   * @param versions one entry per model version
   */
  public record RatingSeries(long[] seconds, List<VersionRatings> versions) {}

  /**
   * One model version's ratings, per bucket (null where it had none) and over the whole window.
   *
   * @param version the model version
   * @param average average stars per bucket
   * @param csat share of 4 and 5 star ratings per bucket, 0..1
   * @param ratings how many ratings per bucket
   * @param totalRatings ratings in the window
   * @param totalAverage average stars in the window, or null
   * @param totalCsat CSAT in the window, or null
   */
  public record VersionRatings(String version, Double[] average, Double[] csat, long[] ratings, long totalRatings,
      Double totalAverage, Double totalCsat) {}
}
