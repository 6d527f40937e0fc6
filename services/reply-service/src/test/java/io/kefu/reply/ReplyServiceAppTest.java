package io.kefu.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.reply.serving.ModelStoreDirectory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyServiceAppTest {

  private static KefuConfig config(Map<String, String> overrides) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), overrides);
  }

  @Test
  void shouldRefuseAnUnknownDeviceNamingTheSetting() {
    // Given a device setting that is none of auto, cpu and gpu
    KefuConfig config = config(Map.of("model.device", "tpu"));

    // When the app is built from it, then the setting is named
    assertThatThrownBy(() -> ReplyServiceApp.fromConfig(config, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'model.device': device must be one of auto|cpu|gpu, was 'tpu'");
  }

  @Test
  void shouldKeepTheModelStoreUnderTheDataDirectoryByDefault() {
    // Given only a data directory
    KefuConfig config = config(Map.of("data.dir", "/var/kefu"));

    // When the app is built, then its store is where the fine-tuner's is by default
    assertThat(ModelStoreDirectory.of(config)).isEqualTo(Path.of("/var/kefu/models"));
    assertThat(ReplyServiceApp.fromConfig(config, null).storeDirectory()).isEqualTo(Path.of("/var/kefu/models"));
  }

  @Test
  void shouldFixOneInstanceIdForTheServiceAndItsModelVersionsWrites() {
    // Given no instance id
    KefuConfig config = config(Map.of("reply.group.id", "replies"));

    // When the app is built, then one random id names both the service and its model-versions transactional id
    ReplyServiceApp app = ReplyServiceApp.fromConfig(config, null);
    assertThat(app.instanceId()).matches("[0-9a-f-]{36}");
    assertThat(app.lifecycleTransactionalId()).isEqualTo("replies-" + app.instanceId() + "-lifecycle");
  }
}
