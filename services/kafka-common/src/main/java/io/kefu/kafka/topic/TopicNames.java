package io.kefu.kafka.topic;

/** The logical names of Kefu's topics, as declared in infra/topics.json; resolve them with {@link TopicCatalogue}. */
public final class TopicNames {
  public static final String CUSTOMER_MESSAGES = "customer-messages";
  public static final String AGENT_REPLIES = "agent-replies";
  public static final String HANDOFFS = "handoffs";
  public static final String FEEDBACK = "feedback";
  public static final String TRAINING_EXAMPLES = "training-examples";
  public static final String MODEL_VERSIONS = "model-versions";
  public static final String OPS_METRICS = "ops-metrics";
  public static final String OPERATOR_COMMANDS = "operator-commands";
  public static final String CONVERSATION_TURNS = "conversation-turns";

  private TopicNames() {}
}
