package io.kefu.serde;

/** Confluent's default subject naming: {@code <topic>-key} for keys and {@code <topic>-value} for values. */
public final class TopicNameStrategy {

  private TopicNameStrategy() {}

  /** Returns the subject under which a topic's key or value schema is registered. */
  public static String subjectFor(String topic, boolean isKey) {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must be a non-empty name to derive the subject <topic>-"
          + (isKey ? "key" : "value") + ", was " + (topic == null ? "null" : "''"));
    }
    return topic + (isKey ? "-key" : "-value");
  }
}
