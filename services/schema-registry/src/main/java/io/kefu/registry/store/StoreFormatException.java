package io.kefu.registry.store;

/** A record of the registry topic whose key or value is not in the expected JSON layout. */
public class StoreFormatException extends RuntimeException {
  public StoreFormatException(String message) {
    super(message);
  }

  public StoreFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
