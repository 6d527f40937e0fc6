package io.kefu.kafka.embedded.junit;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real embedded broker on a fresh temporary directory and a free port before the tests of a class and
 * stops it and deletes the directory after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();
 *
 * @Test
 * void shouldDoSomething() {
 *   Map<String, Object> config = kafka.broker().clientProperties(); // or kafka.bootstrapServers()
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: JUnit calls the before-all and after-all callbacks only there. Test
 * methods and constructors may also take an {@link EmbeddedKafkaBroker} parameter. Topics are not created
 * automatically; create them with an admin client.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final Map<String, String> brokerProperties;
  private Path dataDirectory;
  private EmbeddedKafkaBroker broker;

  /** A broker with the single-node defaults. */
  public EmbeddedKafkaExtension() {
    this(Map.of());
  }

  /** A broker with extra server properties, as {@link EmbeddedKafkaBroker.Builder#optBrokerProperties(Map)}. */
  public EmbeddedKafkaExtension(Map<String, String> brokerProperties) {
    this.brokerProperties = Map.copyOf(brokerProperties);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDirectory = Files.createTempDirectory("kefu-embedded-kafka-");
    broker = EmbeddedKafkaBroker.builder()
        .setDataDirectory(dataDirectory)
        .optBrokerProperties(brokerProperties)
        .build();
    broker.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (broker != null) {
        broker.stop();
      }
    } finally {
      if (dataDirectory != null) {
        deleteRecursively(dataDirectory);
      }
    }
  }

  /** The running broker. */
  public EmbeddedKafkaBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("EmbeddedKafkaExtension has not started a broker: register it with "
          + "@RegisterExtension on a static field so that it runs before all tests");
    }
    return broker;
  }

  /** The broker's {@code host:port}. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return broker();
  }

  private static void deleteRecursively(Path root) {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + " to delete it", e);
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + path, e);
      }
    }
  }
}
