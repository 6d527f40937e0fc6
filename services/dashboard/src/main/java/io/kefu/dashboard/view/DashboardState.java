package io.kefu.dashboard.view;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CommandKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.OperatorCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/**
 * The dashboard's picture of Kefu: routes each record read from the topics to the views it concerns and takes
 * consistent-enough snapshots of them all for the page.
 */
public final class DashboardState {
  /** Open handoffs put in one snapshot. */
  public static final int HANDOFFS_SHOWN = 100;

  private final Clock clock;
  private final int recentConversations;
  private final ThroughputView throughput = new ThroughputView();
  private final LatencyView latency;
  private final RatingView ratings;
  private final ModelRegistryView models = new ModelRegistryView();
  private final HandoffQueue handoffs;
  private final ConversationsView conversations = new ConversationsView();
  private final DlqView dlq;
  private final CommandLog commands = new CommandLog();
  private final LagView lag = new LagView();

  /**
   * An empty state.
   *
   * @param clock what "now" is for the time series
   * @param history how much history the series keep
   * @param recentConversations how many conversations a snapshot holds
   * @param maxOpenHandoffs how many open handoffs are kept
   * @param dlqTopics the dead-letter topics to list
   */
  public DashboardState(Clock clock, Duration history, int recentConversations, int maxOpenHandoffs,
      Collection<String> dlqTopics) {
    this.clock = clock;
    this.recentConversations = recentConversations;
    this.latency = new LatencyView(history);
    this.ratings = new RatingView(history);
    this.handoffs = new HandoffQueue(maxOpenHandoffs);
    this.dlq = new DlqView(dlqTopics);
  }

  /** A customer message, with its record's timestamp. */
  public void onCustomerMessage(CustomerMessage message, long recordTimestamp) {
    throughput.record(ThroughputView.Kind.MESSAGE, recordTimestamp, clock.millis());
    conversations.onCustomerMessage(message);
    handoffs.onCustomerMessage(message.getConversationId(), message.getText(), message.getSentAt().toEpochMilli());
  }

  /** A reply by a model, an operator or the service, with its record's timestamp. */
  public void onReply(AgentReply reply, long recordTimestamp) {
    long now = clock.millis();
    throughput.record(ThroughputView.Kind.REPLY, recordTimestamp, now);
    conversations.onReply(reply);
    if (reply.getAuthor() == AuthorKind.MODEL) {
      latency.record(recordTimestamp, reply.getLatencyMs(), now);
      if (reply.getModelVersion() != null) {
        ratings.onModelReply(reply.getReplyId(), reply.getModelVersion(), now);
      }
    } else if (reply.getAuthor() == AuthorKind.HUMAN) {
      handoffs.onHumanReply(reply.getConversationId(), reply.getCreatedAt().toEpochMilli());
    }
  }

  /** A handoff, with its record's timestamp. */
  public void onHandoff(HandoffRequest request, long recordTimestamp) {
    throughput.record(ThroughputView.Kind.HANDOFF, recordTimestamp, clock.millis());
    handoffs.onHandoff(request);
  }

  /** A customer's rating. */
  public void onFeedback(Feedback feedback) {
    ratings.onRating(feedback.getReplyId(), feedback.getRating(), feedback.getRatedAt().toEpochMilli(), clock.millis());
    conversations.onRating(feedback.getConversationId(), feedback.getReplyId(), feedback.getRating());
  }

  /** A model version's lifecycle step. */
  public void onModelVersion(ModelVersion version) {
    models.onModelVersion(version);
  }

  /** An operator command. */
  public void onCommand(OperatorCommand command) {
    commands.onCommand(command);
    if (command.getKind() == CommandKind.CLOSE_HANDOFF && command.getConversationId() != null) {
      handoffs.onClose(command.getConversationId(), command.getIssuedAt().toEpochMilli());
    }
  }

  /** A record read from a dead-letter topic. */
  public void onDeadLetter(String dlqTopic, DlqView.DeadLetterView letter) {
    dlq.onDeadLetter(dlqTopic, letter);
  }

  /** The model registry, for actions that must name a known version. */
  public ModelRegistryView models() {
    return models;
  }

  /** The handoff queue, for actions on open handoffs. */
  public HandoffQueue handoffs() {
    return handoffs;
  }

  /** The consumer-lag view, which the lag sampler fills. */
  public LagView lag() {
    return lag;
  }

  /** Everything, now. */
  public DashboardSnapshot snapshot() {
    long now = clock.millis();
    return new DashboardSnapshot(now, throughput.snapshot(now), latency.snapshot(now), ratings.snapshot(now),
        models.markedVersions(), models.snapshot(), commands.snapshot(), handoffs.snapshot(HANDOFFS_SHOWN),
        conversations.snapshot(recentConversations), dlq.snapshot(), lag.snapshot());
  }
}
