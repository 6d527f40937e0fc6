package io.kefu.dashboard.view;

import io.kefu.contract.CommandKind;
import io.kefu.contract.OperatorCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The latest operator commands, and whether training was last asked to pause or to resume. */
public final class CommandLog {
  /** Commands kept. */
  public static final int LATEST = 30;

  private final List<CommandView> latest = new ArrayList<>();
  private CommandView lastTrainingSwitch;

  /** Records a command read from operator-commands. */
  public synchronized void onCommand(OperatorCommand command) {
    CommandView view = new CommandView(command.getCommandId(), command.getKind().name(), command.getModelName(),
        command.getModelVersion(), command.getConversationId(), command.getOperatorId(),
        Texts.clip(command.getReason()), command.getIssuedAt().toEpochMilli());
    latest.add(view);
    latest.sort(Comparator.comparingLong(CommandView::issuedAt).reversed());
    if (latest.size() > LATEST) {
      latest.remove(latest.size() - 1);
    }
    boolean isSwitch = command.getKind() == CommandKind.PAUSE_TRAINING || command.getKind() == CommandKind.RESUME_TRAINING;
    if (isSwitch && (lastTrainingSwitch == null || lastTrainingSwitch.issuedAt() <= view.issuedAt())) {
      lastTrainingSwitch = view;
    }
  }

  /** The latest commands, newest first, and the training switch. */
  public synchronized CommandsSnapshot snapshot() {
    boolean paused = lastTrainingSwitch != null && lastTrainingSwitch.kind().equals(CommandKind.PAUSE_TRAINING.name());
    return new CommandsSnapshot(List.copyOf(latest), paused, lastTrainingSwitch);
  }

  /**
   * One operator command.
   *
   * @param commandId its id
   * @param kind what it asks
   * @param modelName the model it concerns, or null
   * @param modelVersion the version it concerns, or null
   * @param conversationId the conversation it concerns, or null
   * @param operatorId who issued it
   * @param reason why, or null
   * @param issuedAt when, epoch milliseconds
   */
  public record CommandView(String commandId, String kind, String modelName, String modelVersion,
      String conversationId, String operatorId, String reason, long issuedAt) {}

  /**
   * The command log at one moment.
   *
   * @param latest the latest commands, newest first
   * @param trainingPaused whether the last training switch asked to pause
   * @param lastTrainingSwitch that switch, or null when there was none
   */
  public record CommandsSnapshot(List<CommandView> latest, boolean trainingPaused, CommandView lastTrainingSwitch) {}
}
