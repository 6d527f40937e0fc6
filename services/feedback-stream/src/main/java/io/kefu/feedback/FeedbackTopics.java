package io.kefu.feedback;

import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.kafka.topic.TopicSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The physical names of the topics the feedback stream reads and writes, resolved once from the catalogue.
 *
 * @param feedback ratings, keyed by replyId
 * @param feedbackDlq where refused ratings go
 * @param agentReplies replies, keyed by conversationId
 * @param agentRepliesDlq where undecodable replies go, when the catalogue declares such a topic
 * @param customerMessages customer messages, counted for the aggregates
 * @param handoffs handoff requests, counted for the aggregates
 * @param handoffsDlq where undecodable handoffs go, when the catalogue declares such a topic
 * @param trainingExamples redacted training examples, keyed by replyId
 * @param opsMetrics windowed aggregates, keyed by model version
 * @param deadLetterTopics every dead-letter topic of the catalogue, counted for the aggregates
 */
public record FeedbackTopics(String feedback, String feedbackDlq, String agentReplies, Optional<String> agentRepliesDlq,
    String customerMessages, String handoffs, Optional<String> handoffsDlq, String trainingExamples, String opsMetrics,
    List<String> deadLetterTopics) {

  public FeedbackTopics {
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(feedbackDlq, "feedbackDlq");
    Objects.requireNonNull(agentReplies, "agentReplies");
    Objects.requireNonNull(agentRepliesDlq, "agentRepliesDlq");
    Objects.requireNonNull(customerMessages, "customerMessages");
    Objects.requireNonNull(handoffs, "handoffs");
    Objects.requireNonNull(handoffsDlq, "handoffsDlq");
    Objects.requireNonNull(trainingExamples, "trainingExamples");
    Objects.requireNonNull(opsMetrics, "opsMetrics");
    deadLetterTopics = List.copyOf(deadLetterTopics);
    if (!deadLetterTopics.contains(feedbackDlq)) {
      throw new IllegalArgumentException("deadLetterTopics " + deadLetterTopics + " must include " + feedbackDlq);
    }
  }

  /** Resolves the names from {@code catalogue} (which carries the topic prefix). */
  public static FeedbackTopics from(TopicCatalogue catalogue) {
    List<String> deadLetters = catalogue.all().stream()
        .map(TopicSpec::name)
        .filter(name -> name.endsWith(TopicCatalogue.DLQ_SUFFIX))
        .toList();
    return new FeedbackTopics(
        catalogue.name(TopicNames.FEEDBACK),
        catalogue.dlqName(TopicNames.FEEDBACK),
        catalogue.name(TopicNames.AGENT_REPLIES),
        declaredDlq(catalogue, TopicNames.AGENT_REPLIES, deadLetters),
        catalogue.name(TopicNames.CUSTOMER_MESSAGES),
        catalogue.name(TopicNames.HANDOFFS),
        declaredDlq(catalogue, TopicNames.HANDOFFS, deadLetters),
        catalogue.name(TopicNames.TRAINING_EXAMPLES),
        catalogue.name(TopicNames.OPS_METRICS),
        deadLetters);
  }

  private static Optional<String> declaredDlq(TopicCatalogue catalogue, String logical, List<String> deadLetters) {
    String candidate = catalogue.name(logical) + TopicCatalogue.DLQ_SUFFIX;
    return deadLetters.contains(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
