package io.kefu.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.model.generate.EngineOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyOptionsTest {

  private static KefuConfig config(Map<String, String> overrides) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), overrides);
  }

  @Test
  void shouldReadTheDocumentedDefaults() {
    // When
    ReplyOptions options = ReplyOptions.from(config(Map.of()));

    // Then
    assertThat(options.groupId()).isEqualTo("kefu-reply-service");
    assertThat(options.instanceId()).matches("[0-9a-f-]{36}");
    assertThat(options.httpPort()).isEqualTo(8082);
    assertThat(options.handoffConfidence()).isEqualTo(0.30);
    assertThat(options.limits().maxMessageChars()).isEqualTo(2000);
    assertThat(options.limits().maxConversationIdChars()).isEqualTo(128);
    assertThat(options.memoryTurns()).isEqualTo(12);
    assertThat(options.pollTimeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(options.sampling().isGreedy()).isTrue();
    assertThat(options.sampling().maxNewTokens()).isEqualTo(96);
    assertThat(options.decodeThreads()).isEqualTo(1);
    assertThat(options.engineOptions()).isEqualTo(EngineOptions.defaults());
  }

  @Test
  void shouldGiveTheEngineTheDecodeThreadsSetting() {
    // When
    ReplyOptions options = ReplyOptions.from(config(Map.of(ReplySettings.MODEL_DECODE_THREADS, "3")));

    // Then
    assertThat(options.engineOptions().decodeThreads()).isEqualTo(3);
    assertThat(options.engineOptions().maxBatch()).isEqualTo(EngineOptions.defaults().maxBatch());
  }

  @Test
  void shouldNameTheSettingThatIsOutOfRange() {
    assertThatThrownBy(() -> ReplyOptions.from(config(Map.of(ReplySettings.HANDOFF_CONFIDENCE, "1.5"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'reply.handoff.confidence' must be 0..1, was 1.5");
    assertThatThrownBy(() -> ReplyOptions.from(config(Map.of(ReplySettings.MAX_MESSAGE_CHARS, "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("reply.max.message.chars");
    assertThatThrownBy(() -> ReplyOptions.from(config(Map.of(ReplySettings.INSTANCE_ID, "a b"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'reply.instance.id' may hold 1..100 letters, digits, '.', '_' or '-', was 'a b'");
    assertThatThrownBy(() -> ReplyOptions.from(config(Map.of(ReplySettings.MODEL_DECODE_THREADS, "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'model.decode.threads' must be >= 1, was 0");
  }
}
