package io.kefu.feedback.http;

/** The aggregate stores cannot be queried right now (starting, rebalancing, stopped); answered with 503. */
public class AggregatesUnavailableException extends RuntimeException {
  public AggregatesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
