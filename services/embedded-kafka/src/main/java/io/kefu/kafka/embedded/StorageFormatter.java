package io.kefu.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the broker's log directory with Kafka's own storage formatter on the first start, and on later starts
 * reads back the cluster id that formatting wrote into {@code meta.properties}.
 */
final class StorageFormatter {
  private static final Logger log = LoggerFactory.getLogger(StorageFormatter.class);

  private StorageFormatter() {}

  /**
   * Formats {@code directory} unless it is formatted already, and returns its cluster id.
   *
   * @param requestedClusterId the cluster id to format with (a random one when empty); on a formatted directory it
   *     must equal the one there
   */
  static String formatIfNeeded(BrokerDataDirectory directory, Optional<String> requestedClusterId) {
    return formatIfNeeded(directory, requestedClusterId, List.of(), BrokerProperties.NODE_ID);
  }

  /**
   * Formats {@code directory} for node {@code nodeId} unless it is formatted already, and returns its cluster id.
   *
   * @param requestedClusterId the cluster id to format with (a random one when empty); on a formatted directory it
   *     must equal the one there
   * @param scramArguments SCRAM credentials to write into the new metadata log, as {@code kafka-storage.sh format
   *     --add-scram} takes them; ignored when the directory is formatted already
   */
  static String formatIfNeeded(BrokerDataDirectory directory, Optional<String> requestedClusterId,
      List<String> scramArguments, int nodeId) {
    directory.createDirectories();
    if (directory.isFormatted()) {
      String existing = readClusterId(directory);
      if (requestedClusterId.isPresent() && !requestedClusterId.get().equals(existing)) {
        throw new EmbeddedKafkaException("data directory " + directory + " is formatted for cluster " + existing
            + ", but cluster id " + requestedClusterId.get() + " was asked for; use another data directory");
      }
      return existing;
    }
    String clusterId = requestedClusterId.orElseGet(() -> Uuid.randomUuid().toString());
    String logDirectory = directory.logDirectory().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(printStream)
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
          .setDirectories(List.of(logDirectory))
          .setMetadataLogDirectory(logDirectory)
          .setScramArguments(scramArguments)
          .run();
    } catch (Exception e) {
      throw new EmbeddedKafkaException("cannot format Kafka storage in " + logDirectory + ": " + e.getMessage(), e);
    }
    log.info("formatted {} for cluster {} with {} SCRAM credential(s): {}", logDirectory, clusterId,
        scramArguments.size(), output.toString(StandardCharsets.UTF_8).strip());
    return clusterId;
  }

  /** The cluster id in the formatted log directory's {@code meta.properties}. */
  static String readClusterId(BrokerDataDirectory directory) {
    String logDirectory = directory.logDirectory().toString();
    try {
      MetaPropertiesEnsemble ensemble = new MetaPropertiesEnsemble.Loader()
          .addLogDirs(List.of(logDirectory))
          .addMetadataLogDir(logDirectory)
          .load();
      return ensemble.clusterId().orElseThrow(() -> new EmbeddedKafkaException(
          "no cluster.id in " + directory.logDirectory().resolve(BrokerDataDirectory.META_PROPERTIES_NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Kafka's meta.properties in " + logDirectory, e);
    }
  }
}
