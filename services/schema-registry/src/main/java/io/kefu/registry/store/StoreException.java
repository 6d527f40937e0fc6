package io.kefu.registry.store;

/** The registry topic could not be written or read: Kafka failed, the reader stopped, or a wait timed out. */
public class StoreException extends RuntimeException {
  private final boolean timeout;

  public StoreException(String message, boolean timeout, Throwable cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  /** Whether the operation failed only because it did not finish in time. */
  public boolean isTimeout() {
    return timeout;
  }
}
