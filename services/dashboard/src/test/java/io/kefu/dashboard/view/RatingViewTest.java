package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.dashboard.view.RatingView.RatingSeries;
import io.kefu.dashboard.view.RatingView.VersionRatings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatingViewTest {
  private static final long NOW = 1_700_000_005_000L;

  private static VersionRatings version(RatingSeries series, String version) {
    return series.versions().stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow();
  }

  @Test
  void shouldAverageRatingsAndCsatPerVersionOfTheRatedReply() {
    // Given replies by two versions and their ratings
    RatingView view = new RatingView(Duration.ofMinutes(1));
    view.onModelReply("r1", "v1", NOW);
    view.onModelReply("r2", "v1", NOW);
    view.onModelReply("r3", "v2", NOW);
    view.onRating("r1", 5, NOW, NOW);
    view.onRating("r2", 2, NOW, NOW);
    view.onRating("r3", 4, NOW, NOW);

    // When the series is taken
    RatingSeries series = view.snapshot(NOW);

    // Then each version has its own average and CSAT (share of 4 and 5 stars)
    int last = series.seconds().length - 1;
    assertThat(series.versions()).extracting(VersionRatings::version).containsExactly("v1", "v2");
    assertThat(version(series, "v1").average()[last]).isEqualTo(3.5);
    assertThat(version(series, "v1").csat()[last]).isEqualTo(0.5);
    assertThat(version(series, "v1").totalRatings()).isEqualTo(2);
    assertThat(version(series, "v2").average()[last]).isEqualTo(4.0);
    assertThat(version(series, "v2").totalCsat()).isEqualTo(1.0);
    assertThat(version(series, "v2").average()[0]).isNull();
  }

  @Test
  void shouldHoldARatingThatArrivesBeforeItsReply() {
    RatingView view = new RatingView(Duration.ofMinutes(1));
    view.onRating("r1", 3, NOW, NOW);
    assertThat(view.snapshot(NOW).versions()).isEmpty();

    view.onModelReply("r1", "v7", NOW);

    assertThat(version(view.snapshot(NOW), "v7").totalAverage()).isEqualTo(3.0);
  }

  @Test
  void shouldReplaceAnEarlierRatingOfTheSameReply() {
    // Given a reply rated 1 and then re-rated 5 in a later bucket
    RatingView view = new RatingView(Duration.ofMinutes(1));
    view.onModelReply("r1", "v1", NOW);
    view.onRating("r1", 1, NOW - 10_000, NOW);
    view.onRating("r1", 5, NOW, NOW);

    // Then only the 5 counts
    VersionRatings v1 = version(view.snapshot(NOW), "v1");
    assertThat(v1.totalRatings()).isEqualTo(1);
    assertThat(v1.totalAverage()).isEqualTo(5.0);
    assertThat(v1.ratings()[v1.ratings().length - 2]).isZero();
  }

  @Test
  void shouldSkipValuesThatAreNotStars() {
    RatingView view = new RatingView(Duration.ofMinutes(1));
    view.onModelReply("r1", "v1", NOW);
    view.onRating("r1", 0, NOW, NOW);
    view.onRating("r1", 6, NOW, NOW);

    assertThat(view.snapshot(NOW).versions()).isEmpty();
  }
}
