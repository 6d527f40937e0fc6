package io.kefu.reply.pipeline;

/**
 * A poll could not be answered for a reason that may pass (the registry is unreachable, generation failed or took
 * too long): the transaction is aborted and the same records are polled again.
 */
public final class PollRetryException extends RuntimeException {
  public PollRetryException(String message, Throwable cause) {
    super(message, cause);
  }
}
