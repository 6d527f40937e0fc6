package io.kefu.dashboard.action;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CommandKind;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.OperatorCommand;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import io.kefu.dashboard.auth.Operator;
import io.kefu.dashboard.view.DashboardState;
import io.kefu.dashboard.view.HandoffQueue.HandoffView;
import io.kefu.dashboard.view.ModelRegistryView.ModelRow;
import io.kefu.dashboard.view.TurnView;
import io.kefu.kafka.topic.KefuTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an admin can do from the dashboard, each as one record in Kafka: model and training commands go to
 * operator-commands (the canary controller and fine-tuner act on them), an answer to a handoff goes to agent-replies
 * as a HUMAN reply, and closing a handoff is a CLOSE_HANDOFF command.
 *
 * <p>Each action is checked against what the dashboard knows first (the version exists and is in a state the action
 * makes sense for; the handoff is open), so an operator gets a precise refusal instead of a command nobody can obey.
 */
public final class OperatorActions {
  /** Longest answer an operator may send, in chars. */
  public static final int MAX_ANSWER_CHARS = 4000;
  /** Longest reason an operator may give, in chars. */
  public static final int MAX_REASON_CHARS = 500;
  private static final int CONTEXT_TURNS = 10;
  private static final String TRAINING_KEY = "training";
  // The lifecycle lets only a CANARY become ACTIVE (a CANDIDATE is tried on live traffic first), so the canary
  // controller could not obey a PROMOTE of anything else.
  private static final Set<String> PROMOTABLE = Set.of(ModelStatus.CANARY.name());
  private static final Set<String> ROLLBACKABLE = Set.of(ModelStatus.CANARY.name(), ModelStatus.ACTIVE.name());
  private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);

  private final KefuTopics topics;
  private final DashboardState state;
  private final Clock clock;
  private final RecordSender sender;

  /**
   * Actions writing through {@code producer} (idempotent, not closed here).
   *
   * @param sendTimeout how long to wait for Kafka to store a record
   */
  public OperatorActions(Producer<byte[], byte[]> producer, KefuTopics topics, DashboardState state, Clock clock,
      Duration sendTimeout) {
    this.topics = topics;
    this.state = state;
    this.clock = clock;
    this.sender = new RecordSender(producer, sendTimeout);
  }

  /** Asks for {@code version} of {@code modelName} (the running CANARY) to become ACTIVE. */
  public ActionReceipt promote(Operator operator, String modelName, String version, String reason) {
    ModelRow row = knownVersion(modelName, version);
    requireStatus(row, PROMOTABLE, "promoted");
    return command(operator, CommandKind.PROMOTE, modelName, modelName, version, null, reason);
  }

  /** Asks for {@code version} of {@code modelName} (a CANARY or the ACTIVE one) to be rolled back. */
  public ActionReceipt rollBack(Operator operator, String modelName, String version, String reason) {
    ModelRow row = knownVersion(modelName, version);
    requireStatus(row, ROLLBACKABLE, "rolled back");
    return command(operator, CommandKind.ROLL_BACK, modelName, modelName, version, null, reason);
  }

  /** Asks the fine-tuner to train now, pause or resume; {@code modelName} may be null for every model. */
  public ActionReceipt training(Operator operator, CommandKind kind, String modelName, String reason) {
    if (kind != CommandKind.TRAIN_NOW && kind != CommandKind.PAUSE_TRAINING && kind != CommandKind.RESUME_TRAINING) {
      throw new ActionRejectedException(Problem.INVALID,
          "a training command is TRAIN_NOW, PAUSE_TRAINING or RESUME_TRAINING, was " + kind);
    }
    String model = blankToNull(modelName);
    return command(operator, kind, model == null ? TRAINING_KEY : model, model, null, null, reason);
  }

  /** Answers the open handoff of {@code conversationId} with {@code text}, as a HUMAN reply by the operator. */
  public ActionReceipt answerHandoff(Operator operator, String conversationId, String text) {
    requireAdmin(operator);
    String answer = text == null ? "" : text.strip();
    if (answer.isEmpty()) {
      throw new ActionRejectedException(Problem.INVALID, "the answer is empty; write what the customer should read");
    }
    if (answer.length() > MAX_ANSWER_CHARS) {
      throw new ActionRejectedException(Problem.INVALID,
          "the answer has " + answer.length() + " chars; at most " + MAX_ANSWER_CHARS + " are allowed");
    }
    HandoffView handoff = openHandoff(conversationId);
    long now = clock.millis();
    AgentReply reply = AgentReply.newBuilder()
        .setReplyId("human-" + UUID.randomUUID())
        .setConversationId(conversationId)
        .setInReplyTo(handoff.messageId())
        .setText(answer)
        .setLocale(locale(handoff.locale()))
        .setAuthor(AuthorKind.HUMAN)
        .setModelVersion(null)
        .setOperatorId(operator.operatorId())
        .setConfidence(1.0)
        .setLatencyMs(Math.max(0, now - handoff.createdAt()))
        .setHandedOff(false)
        .setContext(context(handoff.transcript()))
        .setCreatedAt(Instant.ofEpochMilli(now))
        .build();
    RecordMetadata stored = sender.send(topics.agentReplies(), conversationId, reply);
    log.info("operator {} answered handoff of conversation {} with reply {} ({}-{}@{})", operator.operatorId(),
        conversationId, reply.getReplyId(), stored.topic(), stored.partition(), stored.offset());
    return new ActionReceipt("ANSWER", reply.getReplyId(), stored.topic(), stored.partition(), stored.offset());
  }

  /** Closes the open handoff of {@code conversationId} without an answer. */
  public ActionReceipt closeHandoff(Operator operator, String conversationId, String reason) {
    requireAdmin(operator);
    openHandoff(conversationId);
    return command(operator, CommandKind.CLOSE_HANDOFF, conversationId, null, null, conversationId, reason);
  }

  private ActionReceipt command(Operator operator, CommandKind kind, String key, String modelName, String version,
      String conversationId, String reason) {
    requireAdmin(operator);
    String why = blankToNull(reason);
    if (why != null && why.length() > MAX_REASON_CHARS) {
      throw new ActionRejectedException(Problem.INVALID,
          "the reason has " + why.length() + " chars; at most " + MAX_REASON_CHARS + " are allowed");
    }
    OperatorCommand command = OperatorCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setKind(kind)
        .setModelName(modelName)
        .setModelVersion(version)
        .setConversationId(conversationId)
        .setOperatorId(operator.operatorId())
        .setReason(why)
        .setIssuedAt(Instant.ofEpochMilli(clock.millis()))
        .build();
    RecordMetadata stored = sender.send(topics.operatorCommands(), key, command);
    log.info("operator {} issued {} {} (model {} version {} conversation {}) at {}-{}@{}", operator.operatorId(),
        kind, command.getCommandId(), modelName, version, conversationId, stored.topic(), stored.partition(),
        stored.offset());
    return new ActionReceipt(kind.name(), command.getCommandId(), stored.topic(), stored.partition(), stored.offset());
  }

  private static void requireAdmin(Operator operator) {
    if (operator.role() != io.kefu.dashboard.auth.Role.ADMIN) {
      throw new ActionRejectedException(Problem.FORBIDDEN, "this token may only view; use the admin token to act");
    }
  }

  private ModelRow knownVersion(String modelName, String version) {
    return state.models().find(modelName, version).orElseThrow(() -> new ActionRejectedException(Problem.NOT_FOUND,
        "no version '" + version + "' of model '" + modelName + "' is on model-versions"));
  }

  private static void requireStatus(ModelRow row, Set<String> allowed, String verb) {
    if (!allowed.contains(row.status())) {
      throw new ActionRejectedException(Problem.CONFLICT, "version " + row.version() + " of " + row.modelName()
          + " is " + row.status() + "; only " + String.join(" or ", allowed.stream().sorted().toList())
          + " versions can be " + verb);
    }
  }

  private HandoffView openHandoff(String conversationId) {
    return state.handoffs().find(conversationId).orElseThrow(() -> new ActionRejectedException(Problem.CONFLICT,
        "conversation " + conversationId + " has no open handoff: it was answered or closed already, or never "
            + "handed off"));
  }

  private static List<Turn> context(List<TurnView> transcript) {
    return transcript.stream()
        .skip(Math.max(0, transcript.size() - CONTEXT_TURNS))
        .map(t -> new Turn(t.author().equals("CUSTOMER") ? Role.CUSTOMER : Role.AGENT, t.text()))
        .toList();
  }

  private static Locale locale(String name) {
    for (Locale l : Locale.values()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    return Locale.UNKNOWN;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
