package io.kefu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.cli.platform.EmbeddedPlatform;
import io.kefu.kafka.config.KefuConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldStartBrokerRegistryAndTopicsAndFindThemAgainAfterARestart() throws Exception {
    // Given settings on free ports in a fresh data directory
    KefuConfig config = KefuConfig.load(null, Map.of("data.dir", dataDir.toString(),
        "platform.kafka.port", "0", "registry.port", "0"));
    List<String> progress = new ArrayList<>();

    // When the platform starts the first time
    try (EmbeddedPlatform platform = EmbeddedPlatform.start(config, progress::add)) {
      // Then every declared topic is created and the registry answers
      assertThat(platform.topics().created()).hasSize(13);
      assertThat(platform.topics().existing()).isEmpty();
      HttpResponse<String> subjects = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(subjects.statusCode()).isEqualTo(200);
      assertThat(subjects.body()).isEqualTo("[]");
      System.out.printf("embedded platform started in %d ms%n", platform.startup().toMillis());
    }
    assertThat(progress).hasSize(3);

    // When it starts again on the same directory, nothing is created twice
    try (EmbeddedPlatform again = EmbeddedPlatform.start(config, line -> {})) {
      assertThat(again.topics().created()).isEmpty();
      assertThat(again.topics().existing()).hasSize(13);
      System.out.printf("embedded platform restarted in %d ms%n", again.startup().toMillis());
    }
  }
}
