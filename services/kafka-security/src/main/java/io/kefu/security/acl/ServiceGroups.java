package io.kefu.security.acl;

import java.util.Objects;

/**
 * The consumer groups Kefu's services join, which also start their transactional ids and, for the feedback stream,
 * its internal topics.
 *
 * @param replyGroup the reply service's group ({@code reply.group.id}); its transactional ids start with it
 * @param feedbackApplicationId the feedback stream's Kafka Streams application id, topic prefix included: its group,
 *     the start of its transactional ids and of its changelog and repartition topics
 * @param fineTunerGroup the fine-tuner's group; its transactional ids start with it
 * @param dashboardGroupPrefix the start of the dashboard's consumer groups
 * @param simulatorGroupPrefix the start of the customer simulator's consumer groups
 * @param registryGroupPrefix the start of the schema registry's consumer groups
 */
public record ServiceGroups(String replyGroup, String feedbackApplicationId, String fineTunerGroup,
    String dashboardGroupPrefix, String simulatorGroupPrefix, String registryGroupPrefix) {

  public ServiceGroups {
    requireName(replyGroup, "replyGroup");
    requireName(feedbackApplicationId, "feedbackApplicationId");
    requireName(fineTunerGroup, "fineTunerGroup");
    requireName(dashboardGroupPrefix, "dashboardGroupPrefix");
    requireName(simulatorGroupPrefix, "simulatorGroupPrefix");
    requireName(registryGroupPrefix, "registryGroupPrefix");
  }

  /** The services' default groups; the feedback stream's application id gets {@code topicPrefix} in front. */
  public static ServiceGroups defaults(String topicPrefix) {
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    return new ServiceGroups("kefu-reply-service", topicPrefix + "kefu-feedback-stream", "kefu-fine-tuner",
        "kefu-dashboard", "kefu-simulator", "kefu-schema-registry");
  }

  private static void requireName(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
    }
  }
}
