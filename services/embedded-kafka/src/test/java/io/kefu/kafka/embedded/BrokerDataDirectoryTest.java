package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerDataDirectoryTest {
  @TempDir
  Path root;

  @Test
  void shouldRememberNoPortUntilOneIsWritten() {
    assertThat(new BrokerDataDirectory(root).rememberedListenerPort()).isEqualTo(OptionalInt.empty());
  }

  @Test
  void shouldReadBackTheRememberedPortInANewInstance() {
    new BrokerDataDirectory(root).rememberListenerPort(40123);

    assertThat(new BrokerDataDirectory(root).rememberedListenerPort()).isEqualTo(OptionalInt.of(40123));
  }

  @Test
  void shouldNameTheFileWhenTheRememberedPortIsNotAPort() throws Exception {
    Files.writeString(root.resolve(BrokerDataDirectory.EMBEDDED_PROPERTIES_NAME), "listener.port=ninety\n");

    assertThatThrownBy(() -> new BrokerDataDirectory(root).rememberedListenerPort())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listener.port in " + root.toAbsolutePath().normalize()
            .resolve(BrokerDataDirectory.EMBEDDED_PROPERTIES_NAME) + " must be a port 1..65535, was 'ninety'");
  }

  @Test
  void shouldReportUnformattedUntilMetaPropertiesExists() throws Exception {
    BrokerDataDirectory directory = new BrokerDataDirectory(root);
    directory.createDirectories();
    assertThat(directory.isFormatted()).isFalse();

    Files.writeString(directory.logDirectory().resolve("meta.properties"), "node.id=1\n");

    assertThat(directory.isFormatted()).isTrue();
  }
}
