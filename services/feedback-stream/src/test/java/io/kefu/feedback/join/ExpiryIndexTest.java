package io.kefu.feedback.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expiry index hands out entries strictly before a cutoff, oldest first, and forgets what it handed out. */
class ExpiryIndexTest {
  private ExpiryIndex index;

  @BeforeEach
  void createIndex() {
    KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("expiry"),
        Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    index = new ExpiryIndex(store);
  }

  @Test
  void shouldTakeOnlyEntriesBeforeTheCutoffOldestFirst() {
    // Given entries at 300, 100, 200 (two at 200) and 256 (whose bytes sort after 255's)
    index.add(300, "c");
    index.add(100, "a");
    index.add(200, "b2");
    index.add(200, "b1");
    index.add(256, "x");
    // When entries before 256 are taken
    // Then they come oldest first, ties by id, and 256 itself stays
    assertThat(index.takeBefore(256, 100)).containsExactly(new ExpiryIndex.Entry(100, "a"),
        new ExpiryIndex.Entry(200, "b1"), new ExpiryIndex.Entry(200, "b2"));
    assertThat(index.takeBefore(256, 100)).isEmpty();
    assertThat(index.takeBefore(1_000, 100)).containsExactly(new ExpiryIndex.Entry(256, "x"),
        new ExpiryIndex.Entry(300, "c"));
  }

  @Test
  void shouldTakeAtMostTheBatchAndForgetRemovedEntries() {
    index.add(1, "a");
    index.add(2, "b");
    index.add(3, "c");
    index.remove(2, "b");
    assertThat(index.takeBefore(10, 1)).containsExactly(new ExpiryIndex.Entry(1, "a"));
    assertThat(index.takeBefore(10, 1)).containsExactly(new ExpiryIndex.Entry(3, "c"));
    assertThat(index.takeBefore(0, 10)).isEmpty();
  }
}
