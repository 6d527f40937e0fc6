package io.kefu.poison.cases;

import io.kefu.kafka.topic.TopicNames;

/** The input topic a poison case writes to, by its logical name in the topic catalogue. */
public enum Target {
  CUSTOMER_MESSAGES(TopicNames.CUSTOMER_MESSAGES),
  FEEDBACK(TopicNames.FEEDBACK);

  private final String logicalName;

  Target(String logicalName) {
    this.logicalName = logicalName;
  }

  /** The catalogue's logical name of the topic, e.g. {@code customer-messages}. */
  public String logicalName() {
    return logicalName;
  }
}
