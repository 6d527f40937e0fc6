package io.kefu.kafka.config;

/** A setting that is unknown, missing or malformed; the message names the key and where it came from. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
