package io.kefu.lifecycle;

import io.kefu.contract.ModelStatus;

/** Thrown when a model version is asked to take a lifecycle step the rules do not allow. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient ModelVersionKey key;
  private final ModelStatus from;
  private final ModelStatus to;

  public IllegalTransitionException(ModelVersionKey key, ModelStatus from, ModelStatus to, String message) {
    super(message);
    this.key = key;
    this.from = from;
    this.to = to;
  }

  /** The version that was asked to move. */
  public ModelVersionKey key() {
    return key;
  }

  /** Its current status, or null when it has none yet. */
  public ModelStatus from() {
    return from;
  }

  /** The status it was asked to take. */
  public ModelStatus to() {
    return to;
  }
}
