package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFormatterTest {
  @TempDir
  Path root;

  @Test
  void shouldFormatANewDirectoryWithTheAskedClusterIdAndNodeOne() throws Exception {
    String clusterId = Uuid.randomUuid().toString();
    BrokerDataDirectory directory = new BrokerDataDirectory(root);

    String formatted = StorageFormatter.formatIfNeeded(directory, Optional.of(clusterId));

    assertThat(formatted).isEqualTo(clusterId);
    String meta = Files.readString(directory.logDirectory().resolve("meta.properties"));
    assertThat(meta).contains("cluster.id=" + clusterId).contains("node.id=1");
    assertThat(directory.logDirectory().resolve("bootstrap.checkpoint")).exists();
  }

  @Test
  void shouldReuseAFormattedDirectoryWithoutFormattingItAgain() throws Exception {
    BrokerDataDirectory directory = new BrokerDataDirectory(root);
    String clusterId = StorageFormatter.formatIfNeeded(directory, Optional.empty());
    Path meta = directory.logDirectory().resolve("meta.properties");
    FileTime writtenAt = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(meta, writtenAt);

    String again = StorageFormatter.formatIfNeeded(new BrokerDataDirectory(root), Optional.empty());

    assertThat(again).isEqualTo(clusterId);
    assertThat(Files.getLastModifiedTime(meta)).isEqualTo(writtenAt);
  }

  @Test
  void shouldRefuseAFormattedDirectoryOfAnotherCluster() {
    BrokerDataDirectory directory = new BrokerDataDirectory(root);
    String existing = StorageFormatter.formatIfNeeded(directory, Optional.empty());
    String other = Uuid.randomUuid().toString();

    assertThatThrownBy(() -> StorageFormatter.formatIfNeeded(directory, Optional.of(other)))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessage("data directory " + root.toAbsolutePath().normalize() + " is formatted for cluster " + existing
            + ", but cluster id " + other + " was asked for; use another data directory");
  }
}
