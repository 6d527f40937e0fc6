package io.kefu.security.acl;

import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.kafka.topic.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of each Kefu service: the topics it reads and writes (names from the topic catalogue,
 * prefix included), the consumer group it joins, the transactional ids it commits with (by prefix) and, for the
 * feedback stream, its internal changelog and repartition topics (by the application id's prefix).
 *
 * <p>Every binding is an ALLOW from any host; READ and WRITE include DESCRIBE, so no separate DESCRIBE is granted
 * on a topic that is read or written. Nothing is granted on the cluster: idempotent producers need only WRITE on a
 * topic, and topics are created by an operator (or an admin tool) before the services start.
 */
public final class ServiceAcls {
  /** The registry topic unless {@code registry.topic} says otherwise. */
  public static final String DEFAULT_REGISTRY_TOPIC = "_schemas";

  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z]+:.+");

  private final TopicCatalogue catalogue;
  private final ServiceGroups groups;
  private final String registryTopic;

  /**
   * @param catalogue Kefu's topics with their prefix
   * @param groups the services' consumer groups
   * @param registryTopic the schema registry's topic ({@code registry.topic})
   */
  public ServiceAcls(TopicCatalogue catalogue, ServiceGroups groups, String registryTopic) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.groups = Objects.requireNonNull(groups, "groups");
    if (registryTopic == null || registryTopic.isBlank()) {
      throw new IllegalArgumentException("registryTopic must not be blank, was '" + registryTopic + "'");
    }
    this.registryTopic = registryTopic;
  }

  /** The ACLs for the services' default groups and the default registry topic. */
  public static ServiceAcls defaults(TopicCatalogue catalogue) {
    return new ServiceAcls(catalogue, ServiceGroups.defaults(catalogue.prefix()), DEFAULT_REGISTRY_TOPIC);
  }

  /**
   * Everything {@code principal} needs to run {@code service}, and nothing more.
   *
   * @param principal a Kafka principal such as {@code User:reply-service}
   * @throws IllegalArgumentException when the principal is not {@code Type:name}
   */
  public List<AclBinding> forService(KefuService service, String principal) {
    if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
      throw new IllegalArgumentException("principal of " + service.id() + " must be Type:name such as User:"
          + service.id() + ", was '" + principal + "'");
    }
    Grants grants = new Grants(principal);
    switch (service) {
      case REPLY_SERVICE -> replyService(grants);
      case FEEDBACK_STREAM -> feedbackStream(grants);
      case FINE_TUNER -> fineTuner(grants);
      case DASHBOARD -> dashboard(grants);
      case SIMULATOR -> simulator(grants);
      case SCHEMA_REGISTRY -> schemaRegistry(grants);
      default -> throw new IllegalArgumentException("no ACLs are declared for service " + service);
    }
    return grants.bindings();
  }

  /**
   * Answers customer messages in transactions that also keep each conversation's turns; follows model-versions and
   * writes to it (base registration, refused artifacts).
   */
  private void replyService(Grants grants) {
    grants.readTopics(names(TopicNames.CUSTOMER_MESSAGES, TopicNames.CONVERSATION_TURNS, TopicNames.MODEL_VERSIONS))
        .writeTopics(List.of(topic(TopicNames.AGENT_REPLIES), topic(TopicNames.HANDOFFS),
            catalogue.dlqName(TopicNames.CUSTOMER_MESSAGES), topic(TopicNames.CONVERSATION_TURNS),
            topic(TopicNames.MODEL_VERSIONS)));
    consumerGroup(grants, groups.replyGroup(), PatternType.LITERAL);
    transactionalIds(grants, groups.replyGroup());
  }

  /** Joins ratings with replies and messages into training examples, counts everything, dead-letters bad ratings. */
  private void feedbackStream(Grants grants) {
    List<String> reads = new ArrayList<>(names(TopicNames.FEEDBACK, TopicNames.AGENT_REPLIES,
        TopicNames.CUSTOMER_MESSAGES, TopicNames.HANDOFFS));
    reads.addAll(deadLetterTopics());
    List<String> writes = new ArrayList<>(names(TopicNames.TRAINING_EXAMPLES, TopicNames.OPS_METRICS));
    writes.add(catalogue.dlqName(TopicNames.FEEDBACK));
    // The stream dead-letters undecodable replies and handoffs only where the catalogue declares their DLQs.
    for (String input : List.of(TopicNames.AGENT_REPLIES, TopicNames.HANDOFFS)) {
      String dlq = topic(input) + TopicCatalogue.DLQ_SUFFIX;
      if (deadLetterTopics().contains(dlq)) {
        writes.add(dlq);
      }
    }
    grants.readTopics(reads).writeTopics(writes);
    String applicationId = groups.feedbackApplicationId();
    for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
        AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS)) {
      grants.allow(ResourceType.TOPIC, applicationId, PatternType.PREFIXED, operation);
    }
    consumerGroup(grants, applicationId, PatternType.LITERAL);
    transactionalIds(grants, applicationId);
  }

  /** Reads training examples and operator commands, publishes each model version's lifecycle. */
  private void fineTuner(Grants grants) {
    grants.readTopics(names(TopicNames.TRAINING_EXAMPLES, TopicNames.OPERATOR_COMMANDS))
        .writeTopics(names(TopicNames.MODEL_VERSIONS));
    consumerGroup(grants, groups.fineTunerGroup(), PatternType.LITERAL);
    transactionalIds(grants, groups.fineTunerGroup());
  }

  /** Shows every topic, answers handed-off conversations, sends operator commands, reports the services' lag. */
  private void dashboard(Grants grants) {
    grants.readTopics(catalogue.all().stream().map(TopicSpec::name).toList())
        .writeTopics(names(TopicNames.AGENT_REPLIES, TopicNames.OPERATOR_COMMANDS));
    consumerGroup(grants, groups.dashboardGroupPrefix(), PatternType.PREFIXED);
    for (String watched : List.of(groups.replyGroup(), groups.feedbackApplicationId(), groups.fineTunerGroup())) {
      grants.allow(ResourceType.GROUP, watched, PatternType.LITERAL, AclOperation.DESCRIBE);
    }
  }

  /** Plays chat platforms: sends customer messages and ratings, reads the replies. */
  private void simulator(Grants grants) {
    grants.writeTopics(names(TopicNames.CUSTOMER_MESSAGES, TopicNames.FEEDBACK))
        .readTopics(names(TopicNames.AGENT_REPLIES));
    consumerGroup(grants, groups.simulatorGroupPrefix(), PatternType.PREFIXED);
  }

  /** Keeps schemas in its compacted topic, which it creates and checks at start if needed. */
  private void schemaRegistry(Grants grants) {
    for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE,
        AclOperation.DESCRIBE_CONFIGS)) {
      grants.allow(ResourceType.TOPIC, registryTopic, PatternType.LITERAL, operation);
    }
    consumerGroup(grants, groups.registryGroupPrefix(), PatternType.PREFIXED);
  }

  private static void consumerGroup(Grants grants, String group, PatternType pattern) {
    grants.allow(ResourceType.GROUP, group, pattern, AclOperation.READ);
  }

  private static void transactionalIds(Grants grants, String prefix) {
    grants.allow(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE);
  }

  private List<String> names(String... logicalNames) {
    List<String> names = new ArrayList<>();
    for (String logical : logicalNames) {
      names.add(topic(logical));
    }
    return names;
  }

  private String topic(String logicalName) {
    return catalogue.name(logicalName);
  }

  /** Every dead-letter topic the catalogue declares, in declaration order. */
  private List<String> deadLetterTopics() {
    return catalogue.all().stream().map(TopicSpec::name).filter(name -> name.endsWith(TopicCatalogue.DLQ_SUFFIX))
        .toList();
  }
}
