package io.kefu.reply.memory;

import io.kefu.contract.Role;
import io.kefu.reply.memory.avro.ConversationSnapshot;
import io.kefu.reply.memory.avro.SnapshotRole;
import io.kefu.reply.memory.avro.SnapshotTurn;
import java.time.Instant;
import java.util.List;

/** Converts between a {@link ConversationState} and the {@link ConversationSnapshot} written to conversation-turns. */
public final class SnapshotCodec {

  private SnapshotCodec() {}

  /** The snapshot of {@code state} for {@code conversationId}, stamped {@code at}. */
  public static ConversationSnapshot toSnapshot(String conversationId, ConversationState state, Instant at) {
    List<SnapshotTurn> turns = state.turns().stream()
        .map(t -> SnapshotTurn.newBuilder()
            .setRole(t.role() == Role.AGENT ? SnapshotRole.AGENT : SnapshotRole.CUSTOMER)
            .setText(t.text())
            .build())
        .toList();
    return ConversationSnapshot.newBuilder()
        .setConversationId(conversationId)
        .setTurns(turns)
        .setAnsweredMessageIds(state.answeredMessageIds())
        .setUpdatedAt(at)
        .build();
  }

  /** The state a snapshot describes. */
  public static ConversationState toState(ConversationSnapshot snapshot) {
    List<RecentTurn> turns = snapshot.getTurns().stream()
        .map(t -> new RecentTurn(t.getRole() == SnapshotRole.AGENT ? Role.AGENT : Role.CUSTOMER, t.getText()))
        .toList();
    return new ConversationState(turns, snapshot.getAnsweredMessageIds());
  }
}
