package io.kefu.reply.pipeline;

/**
 * A record could not be admitted for a reason that may pass (the schema registry is unreachable): its partition is
 * rewound to the committed offset and the record is read again after the retry backoff.
 */
public final class PollRetryException extends RuntimeException {
  public PollRetryException(String message, Throwable cause) {
    super(message, cause);
  }
}
