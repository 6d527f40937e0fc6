package io.kefu.dashboard.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many records each dead-letter topic holds, with the latest reasons from their headers. */
public final class DlqView {
  /** Latest dead letters kept per topic. */
  public static final int LATEST = 10;
  private static final int MAX_DETAIL = 300;

  private final Map<String, TopicLetters> byTopic = new LinkedHashMap<>();

  /** A view listing {@code dlqTopics} (with zero counts until letters arrive). */
  public DlqView(Collection<String> dlqTopics) {
    dlqTopics.forEach(t -> byTopic.put(t, new TopicLetters()));
  }

  /** Counts one dead letter read from {@code dlqTopic}. */
  public synchronized void onDeadLetter(String dlqTopic, DeadLetterView letter) {
    TopicLetters letters = byTopic.computeIfAbsent(dlqTopic, t -> new TopicLetters());
    letters.count++;
    letters.latest.addFirst(letter.clipped(MAX_DETAIL));
    if (letters.latest.size() > LATEST) {
      letters.latest.removeLast();
    }
  }

  /** Every dead-letter topic with its count and latest letters, newest first. */
  public synchronized List<DlqTopicSnapshot> snapshot() {
    List<DlqTopicSnapshot> result = new ArrayList<>();
    byTopic.forEach((topic, letters) -> result.add(
        new DlqTopicSnapshot(topic, letters.count, new ArrayList<>(letters.latest))));
    return result;
  }

  private static final class TopicLetters {
    private long count;
    private final Deque<DeadLetterView> latest = new ArrayDeque<>();
  }

  /**
   * One dead letter, from its {@code kefu.dlq.*} headers.
   *
   * @param reason machine-readable reason, or null when the header is missing
   * @param detail human-readable detail, or null
   * @param sourceTopic where the record came from, or null
   * @param sourcePartition its partition, or -1
   * @param sourceOffset its offset, or -1
   * @param service the service that refused it, or null
   * @param atMillis when it was dead-lettered, epoch milliseconds
   */
  public record DeadLetterView(String reason, String detail, String sourceTopic, int sourcePartition,
      long sourceOffset, String service, long atMillis) {

    DeadLetterView clipped(int maxDetail) {
      if (detail == null || detail.length() <= maxDetail) {
        return this;
      }
      return new DeadLetterView(reason, detail.substring(0, maxDetail) + "…", sourceTopic, sourcePartition,
          sourceOffset, service, atMillis);
    }
  }

  /**
   * One dead-letter topic.
   *
   * @param topic its name
   * @param count records read from it
   * @param latest its latest letters, newest first
   */
  public record DlqTopicSnapshot(String topic, long count, List<DeadLetterView> latest) {}
}
