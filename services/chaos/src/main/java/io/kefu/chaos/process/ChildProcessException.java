package io.kefu.chaos.process;

/** A child process did not do what was expected of it (start, print a marker, exit, take a signal). */
public final class ChildProcessException extends RuntimeException {
  public ChildProcessException(String message) {
    super(message);
  }

  public ChildProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
