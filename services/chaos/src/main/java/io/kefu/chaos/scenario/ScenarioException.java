package io.kefu.chaos.scenario;

/** A scenario could not be carried out (the service did not start, did not drain in time ...). */
public final class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
