package io.kefu.feedback.http;

import io.kefu.feedback.FeedbackTopology;
import io.kefu.feedback.aggregate.OpsAggregate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads the aggregate stores of this instance through interactive queries.
 *
 * <p>With several instances each holds the versions of its own partitions; the dashboard runs one instance, and a
 * multi-instance deployment asks each (their addresses are advertised through {@code application.server}).
 */
public final class AggregatesQuery {
  /** The longest time range one windows query may cover. */
  public static final Duration MAX_RANGE = Duration.ofDays(7);

  private final Supplier<ReadOnlyKeyValueStore<String, OpsAggregate>> totals;
  private final Supplier<ReadOnlyWindowStore<String, OpsAggregate>> windows;
  private final Duration windowSize;

  public AggregatesQuery(Supplier<ReadOnlyKeyValueStore<String, OpsAggregate>> totals,
      Supplier<ReadOnlyWindowStore<String, OpsAggregate>> windows, Duration windowSize) {
    this.totals = Objects.requireNonNull(totals, "totals");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.windowSize = Objects.requireNonNull(windowSize, "windowSize");
  }

  /** Queries the stores of the {@link KafkaStreams} that {@code streams} returns when asked (it may change). */
  public static AggregatesQuery of(Supplier<KafkaStreams> streams, Duration windowSize) {
    return new AggregatesQuery(
        () -> streams.get().store(StoreQueryParameters.fromNameAndType(FeedbackTopology.TOTALS_STORE,
            QueryableStoreTypes.<String, OpsAggregate>keyValueStore())),
        () -> streams.get().store(StoreQueryParameters.fromNameAndType(FeedbackTopology.WINDOWS_STORE,
            QueryableStoreTypes.<String, OpsAggregate>windowStore())),
        windowSize);
  }

  /** The running totals of every version, sorted by version. */
  public List<AggregateView> totals() {
    List<AggregateView> views = new ArrayList<>();
    try (KeyValueIterator<String, OpsAggregate> it = totalsStore().all()) {
      while (it.hasNext()) {
        KeyValue<String, OpsAggregate> next = it.next();
        views.add(AggregateView.of(next.key, null, null, next.value));
      }
    } catch (InvalidStateStoreException e) {
      throw unavailable(FeedbackTopology.TOTALS_STORE, e);
    }
    views.sort((a, b) -> a.modelVersion().compareTo(b.modelVersion()));
    return views;
  }

  /** The running totals of {@code version}, if anything was counted for it. */
  public Optional<AggregateView> total(String version) {
    try {
      OpsAggregate aggregate = totalsStore().get(version);
      return Optional.ofNullable(aggregate).map(a -> AggregateView.of(version, null, null, a));
    } catch (InvalidStateStoreException e) {
      throw unavailable(FeedbackTopology.TOTALS_STORE, e);
    }
  }

  /** The windows of {@code version} that start within [from, to], oldest first. */
  public List<AggregateView> windows(String version, Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException("a windows query may cover at most " + MAX_RANGE.toDays() + " days, asked "
          + Duration.between(from, to));
    }
    List<AggregateView> views = new ArrayList<>();
    try (WindowStoreIterator<OpsAggregate> it = windowsStore().fetch(version, from, to)) {
      while (it.hasNext()) {
        KeyValue<Long, OpsAggregate> next = it.next();
        views.add(AggregateView.of(version, next.key, next.key + windowSize.toMillis(), next.value));
      }
    } catch (InvalidStateStoreException e) {
      throw unavailable(FeedbackTopology.WINDOWS_STORE, e);
    }
    return views;
  }

  private ReadOnlyKeyValueStore<String, OpsAggregate> totalsStore() {
    return totals.get();
  }

  private ReadOnlyWindowStore<String, OpsAggregate> windowsStore() {
    return windows.get();
  }

  private static AggregatesUnavailableException unavailable(String store, InvalidStateStoreException e) {
    return new AggregatesUnavailableException("store " + store + " cannot be queried now (the stream is starting,"
        + " rebalancing or stopped): " + e.getMessage(), e);
  }
}
