package io.kefu.dashboard.action;

/** An operator action that was not carried out; the message says why in words an operator can act on. */
public final class ActionRejectedException extends RuntimeException {
  private final Problem problem;

  public ActionRejectedException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public ActionRejectedException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
