package io.kefu.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.feedback.join.RatingWeights;
import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feedback settings as declared to KefuConfig and read into the topology settings. */
class FeedbackTopologySettingsTest {

  private static KefuConfig config(Map<String, String> overrides) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), overrides);
  }

  @Test
  void shouldReadTheDeclaredDefaults() {
    FeedbackTopologySettings settings = FeedbackTopologySettings.from(config(Map.of()), 1);
    assertThat(settings).isEqualTo(FeedbackTopologySettings.defaults());
    assertThat(KefuConfig.declaredSettingsByGroup()).containsKey("feedback-stream");
  }

  @Test
  void shouldReadOverridesFromTheEnvironmentAndTheCommandLine() {
    KefuConfig config = KefuConfig.load(KefuConfig.declaredSettings(), null,
        Map.of("KEFU_FEEDBACK_GRACE", "2d"), Map.of("feedback.rating.weights", "-2,-1,0,1,2",
            "feedback.human.weight", "3"));
    FeedbackTopologySettings settings = FeedbackTopologySettings.from(config, 6);
    assertThat(settings.grace()).isEqualTo(Duration.ofDays(2));
    assertThat(settings.ratingWeights()).isEqualTo(RatingWeights.of(-2, -1, 0, 1, 2));
    assertThat(settings.humanWeight()).isEqualTo(3.0);
    assertThat(settings.internalPartitions()).isEqualTo(6);
  }

  @Test
  void shouldNameTheSettingAndItsOriginWhenWeightsAreMalformed() {
    assertThatThrownBy(() -> FeedbackTopologySettings.from(config(Map.of("feedback.rating.weights", "1,2")), 1))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'feedback.rating.weights' (from command line): rating weights must be 5 comma-separated"
            + " numbers (ratings 1..5), was '1,2'");
  }

  @Test
  void shouldRefuseAWindowRetentionShorterThanWindowAndGrace() {
    assertThatThrownBy(() -> FeedbackTopologySettings.from(config(Map.of("feedback.aggregates.retention", "3m")), 1))
        .isInstanceOf(ConfigException.class)
        .hasMessage("feedback-stream settings are inconsistent: windowRetention must be at least windowSize +"
            + " windowGrace (PT6M), was PT3M");
  }

  @Test
  void shouldRunExactlyOnceWithExplicitExceptionHandlersAndThePrefixedApplicationId() {
    KefuConfig config = config(Map.of("topic.prefix", "prod.", "data.dir", "/var/kefu"));
    var props = FeedbackStreamsConfig.fromConfig(config, "127.0.0.1:8085", new FeedbackCounters(
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    assertThat(props.get("application.id")).isEqualTo("prod.kefu-feedback-stream");
    assertThat(props.get("processing.guarantee")).isEqualTo("exactly_once_v2");
    assertThat(props.get("state.dir")).isEqualTo("/var/kefu/feedback-stream");
    assertThat(props.get("application.server")).isEqualTo("127.0.0.1:8085");
    assertThat(props.get("deserialization.exception.handler"))
        .isEqualTo(io.kefu.feedback.errors.CountingDeserializationExceptionHandler.class);
    assertThat(props.get("processing.exception.handler"))
        .isEqualTo(io.kefu.feedback.errors.CountingProcessingExceptionHandler.class);
  }
}
