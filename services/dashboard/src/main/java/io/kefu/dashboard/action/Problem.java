package io.kefu.dashboard.action;

/** Why an operator action was refused; the HTTP layer answers each with its own status. */
public enum Problem {
  /** The request is malformed (e.g. an empty answer). */
  INVALID,
  /** The operator may only view. */
  FORBIDDEN,
  /** The named model version or conversation is unknown to the dashboard. */
  NOT_FOUND,
  /** The target is in a state that does not allow the action (e.g. promoting the ACTIVE version). */
  CONFLICT,
  /** Kafka or the schema registry did not take the record in time. */
  UNAVAILABLE
}
