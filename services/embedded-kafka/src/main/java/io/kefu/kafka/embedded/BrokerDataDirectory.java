package io.kefu.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The layout of the broker's data directory: Kafka's log directory (partitions, metadata log and
 * {@code meta.properties}) and the listener port remembered from the first start on port 0.
 */
final class BrokerDataDirectory {
  static final String LOG_DIRECTORY_NAME = "kafka-logs";
  static final String META_PROPERTIES_NAME = "meta.properties";
  static final String EMBEDDED_PROPERTIES_NAME = "embedded-broker.properties";
  private static final String LISTENER_PORT_KEY = "listener.port";

  private final Path root;

  BrokerDataDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** Kafka's {@code log.dirs} and {@code metadata.log.dir}: one directory holds both. */
  Path logDirectory() {
    return root.resolve(LOG_DIRECTORY_NAME);
  }

  /** The file where the listener port chosen on the first start on port 0 is kept. */
  Path embeddedPropertiesFile() {
    return root.resolve(EMBEDDED_PROPERTIES_NAME);
  }

  /** True once Kafka's storage formatter has written {@code meta.properties} into the log directory. */
  boolean isFormatted() {
    return Files.isRegularFile(logDirectory().resolve(META_PROPERTIES_NAME));
  }

  void createDirectories() {
    try {
      Files.createDirectories(logDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker log directory " + logDirectory(), e);
    }
  }

  /** The listener port a previous start on port 0 chose, if any. */
  OptionalInt rememberedListenerPort() {
    Path file = embeddedPropertiesFile();
    if (!Files.isRegularFile(file)) {
      return OptionalInt.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String value = properties.getProperty(LISTENER_PORT_KEY);
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException("out of range");
      }
      return OptionalInt.of(port);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          LISTENER_PORT_KEY + " in " + file + " must be a port 1..65535, was '" + value + "'", e);
    }
  }

  /** Keeps {@code port} so that the next start on port 0 binds the same address; written atomically. */
  void rememberListenerPort(int port) {
    Properties properties = new Properties();
    properties.setProperty(LISTENER_PORT_KEY, Integer.toString(port));
    Path file = embeddedPropertiesFile();
    Path temporary = root.resolve(EMBEDDED_PROPERTIES_NAME + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        properties.store(out, "Listener port chosen on the first start on port 0; delete to pick a new free port");
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
