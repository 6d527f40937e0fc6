package io.kefu.reply.validate;

/** A customer message that decoded but cannot be answered; its class and message go into the DLQ headers. */
public final class InvalidMessageException extends RuntimeException {
  private final InvalidMessageReason reason;

  public InvalidMessageException(InvalidMessageReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidMessageReason reason() {
    return reason;
  }
}
