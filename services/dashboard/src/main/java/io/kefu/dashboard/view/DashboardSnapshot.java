package io.kefu.dashboard.view;

import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, at one moment; pushed to open pages and served piece by piece under {@code /api/}.
 *
 * @param generatedAt when it was taken, epoch milliseconds
 * @param throughput messages, replies and handoffs per second
 * @param latency reply latency percentiles
 * @param ratings average rating and CSAT per model version
 * @param marks ACTIVE or CANARY by model version
 * @param models every model version with its mark
 * @param commands the latest operator commands and the training switch
 * @param handoffs the open handoffs
 * @param conversations the recent conversations
 * @param dlq the dead-letter topics
 * @param lag consumer lag per group and partition
 */
public record DashboardSnapshot(
    long generatedAt,
    ThroughputView.ThroughputSeries throughput,
    LatencyView.LatencySeries latency,
    RatingView.RatingSeries ratings,
    Map<String, String> marks,
    List<ModelRegistryView.MarkedModel> models,
    CommandLog.CommandsSnapshot commands,
    HandoffQueue.HandoffQueueSnapshot handoffs,
    List<ConversationsView.ConversationSummary> conversations,
    List<DlqView.DlqTopicSnapshot> dlq,
    LagView.LagSnapshot lag) {}
