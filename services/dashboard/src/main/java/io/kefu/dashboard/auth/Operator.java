package io.kefu.dashboard.auth;

import java.util.Objects;

/**
 * An authenticated dashboard user.
 *
 * @param role what the token allows
 * @param operatorId the id written on the replies and commands this operator issues
 */
public record Operator(Role role, String operatorId) {
  public Operator {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(operatorId, "operatorId");
  }
}
