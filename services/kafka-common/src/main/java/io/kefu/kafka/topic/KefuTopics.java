package io.kefu.kafka.topic;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import io.kefu.contract.OpsMetrics;
import io.kefu.contract.TrainingExample;
import io.kefu.serde.KefuAvroSerde;
import io.kefu.serde.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic catalogue: every Kefu topic with its String key serde and its Avro value serde (Confluent wire
 * format), built once from the declarations, the prefix and a registry client.
 */
public final class KefuTopics {
  private final TopicCatalogue catalogue;
  private final Topic<String, CustomerMessage> customerMessages;
  private final Topic<String, AgentReply> agentReplies;
  private final Topic<String, HandoffRequest> handoffs;
  private final Topic<String, Feedback> feedback;
  private final Topic<String, TrainingExample> trainingExamples;
  private final Topic<String, ModelVersion> modelVersions;
  private final Topic<String, OpsMetrics> opsMetrics;
  private final Topic<String, OperatorCommand> operatorCommands;

  private KefuTopics(TopicCatalogue catalogue, SchemaRegistryClient registry, boolean autoRegister) {
    this.catalogue = catalogue;
    this.customerMessages = topic(TopicNames.CUSTOMER_MESSAGES, CustomerMessage.class, registry, autoRegister);
    this.agentReplies = topic(TopicNames.AGENT_REPLIES, AgentReply.class, registry, autoRegister);
    this.handoffs = topic(TopicNames.HANDOFFS, HandoffRequest.class, registry, autoRegister);
    this.feedback = topic(TopicNames.FEEDBACK, Feedback.class, registry, autoRegister);
    this.trainingExamples = topic(TopicNames.TRAINING_EXAMPLES, TrainingExample.class, registry, autoRegister);
    this.modelVersions = topic(TopicNames.MODEL_VERSIONS, ModelVersion.class, registry, autoRegister);
    this.opsMetrics = topic(TopicNames.OPS_METRICS, OpsMetrics.class, registry, autoRegister);
    this.operatorCommands = topic(TopicNames.OPERATOR_COMMANDS, OperatorCommand.class, registry, autoRegister);
  }

  /** Builds the catalogue; {@code autoRegister} false makes serializers look schemas up instead of registering them. */
  public static KefuTopics create(TopicCatalogue catalogue, SchemaRegistryClient registry, boolean autoRegister) {
    return new KefuTopics(catalogue, registry, autoRegister);
  }

  private <V extends SpecificRecord> Topic<String, V> topic(String logical, Class<V> type,
      SchemaRegistryClient registry, boolean autoRegister) {
    Serde<V> valueSerde = KefuAvroSerde.of(type, registry, false, autoRegister);
    return new Topic<>(catalogue.name(logical), catalogue.spec(logical), Serdes.String(), valueSerde);
  }

  public TopicCatalogue catalogue() {
    return catalogue;
  }

  public Topic<String, CustomerMessage> customerMessages() {
    return customerMessages;
  }

  public Topic<String, AgentReply> agentReplies() {
    return agentReplies;
  }

  public Topic<String, HandoffRequest> handoffs() {
    return handoffs;
  }

  public Topic<String, Feedback> feedback() {
    return feedback;
  }

  public Topic<String, TrainingExample> trainingExamples() {
    return trainingExamples;
  }

  public Topic<String, ModelVersion> modelVersions() {
    return modelVersions;
  }

  public Topic<String, OpsMetrics> opsMetrics() {
    return opsMetrics;
  }

  public Topic<String, OperatorCommand> operatorCommands() {
    return operatorCommands;
  }

  /** The dead-letter topic of a logical topic, e.g. {@code customer-messages.dlq}. */
  public String dlq(String logicalName) {
    return catalogue.dlqName(logicalName);
  }
}
