package io.kefu.reply.memory;

import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.util.Objects;

/**
 * One remembered turn of a conversation.
 *
 * @param role who wrote it
 * @param text what was written
 */
public record RecentTurn(Role role, String text) {
  public RecentTurn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  public static RecentTurn customer(String text) {
    return new RecentTurn(Role.CUSTOMER, text);
  }

  public static RecentTurn agent(String text) {
    return new RecentTurn(Role.AGENT, text);
  }

  /** The contract form, as carried by AgentReply.context and HandoffRequest.transcript. */
  public Turn toContract() {
    return Turn.newBuilder().setRole(role).setText(text).build();
  }
}
