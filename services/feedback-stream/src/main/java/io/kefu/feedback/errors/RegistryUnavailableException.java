package io.kefu.feedback.errors;

/**
 * The schema registry could not be reached while a record was decoded: not bad input, so the record is not
 * dead-lettered; the processing exception handler fails the stream thread, which is replaced and retries the record
 * from the last committed offset.
 */
public class RegistryUnavailableException extends RuntimeException {
  public RegistryUnavailableException(String message) {
    super(message);
  }

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
