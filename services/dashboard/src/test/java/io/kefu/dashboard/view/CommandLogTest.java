package io.kefu.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.CommandKind;
import io.kefu.contract.OperatorCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandLogTest {
  private static OperatorCommand command(CommandKind kind, long at) {
    return OperatorCommand.newBuilder().setCommandId("c" + at).setKind(kind).setModelName(null).setModelVersion(null)
        .setConversationId(null).setOperatorId("alice").setReason(null).setIssuedAt(Instant.ofEpochMilli(at)).build();
  }

  @Test
  void shouldListCommandsNewestFirstAndKnowWhetherTrainingWasLastPaused() {
    CommandLog log = new CommandLog();
    log.onCommand(command(CommandKind.PAUSE_TRAINING, 100));
    log.onCommand(command(CommandKind.PROMOTE, 300));
    assertThat(log.snapshot().trainingPaused()).isTrue();

    // When a resume issued earlier than the pause is read late, the pause still stands
    log.onCommand(command(CommandKind.RESUME_TRAINING, 50));
    assertThat(log.snapshot().trainingPaused()).isTrue();

    log.onCommand(command(CommandKind.RESUME_TRAINING, 200));
    CommandLog.CommandsSnapshot snapshot = log.snapshot();
    assertThat(snapshot.trainingPaused()).isFalse();
    assertThat(snapshot.lastTrainingSwitch().issuedAt()).isEqualTo(200);
    assertThat(snapshot.latest()).extracting(CommandLog.CommandView::issuedAt).containsExactly(300L, 200L, 100L, 50L);
  }

  @Test
  void shouldKeepOnlyTheLatestCommands() {
    CommandLog log = new CommandLog();
    for (int i = 0; i < CommandLog.LATEST + 3; i++) {
      log.onCommand(command(CommandKind.TRAIN_NOW, i));
    }
    assertThat(log.snapshot().latest()).hasSize(CommandLog.LATEST)
        .first().extracting(CommandLog.CommandView::issuedAt).isEqualTo((long) CommandLog.LATEST + 2);
  }
}
