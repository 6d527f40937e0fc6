package io.kefu.example;

import java.util.Objects;

/** The three Kefu topics a chat platform uses, each keyed as Kefu expects. */
public record ChatTopics(String customerMessages, String agentReplies, String feedback) {

  public ChatTopics {
    Objects.requireNonNull(customerMessages, "customerMessages");
    Objects.requireNonNull(agentReplies, "agentReplies");
    Objects.requireNonNull(feedback, "feedback");
  }

  /** The topic names of a deployment with no topic prefix. */
  public static ChatTopics defaults() {
    return withPrefix("");
  }

  /** The topic names of a deployment whose {@code topic.prefix} is {@code prefix}, e.g. {@code "prod."}. */
  public static ChatTopics withPrefix(String prefix) {
    return new ChatTopics(prefix + "customer-messages", prefix + "agent-replies", prefix + "feedback");
  }
}
