package io.kefu.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.train.BaseTrainingOptions;
import io.kefu.reply.pipeline.ReplyTopics;
import io.kefu.reply.testing.Conversations;
import io.kefu.reply.testing.RegistryDriver;
import io.kefu.reply.testing.ReplyTestKafka;
import io.kefu.reply.testing.ServedOutcome;
import io.kefu.reply.testing.TinyModelStore;
import io.kefu.reply.testing.TinyReplyModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReplyServiceAppIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static ReplyTestKafka platform;

  @BeforeAll
  static void startRegistry() {
    platform = ReplyTestKafka.start(kafka.broker());
  }

  @AfterAll
  static void stopRegistry() {
    platform.close();
  }

  private static List<ServedOutcome> answersTo(ReplyTopics topics, List<CustomerMessage> messages) {
    platform.sendMessages(topics.customerMessages(), messages);
    platform.readAtLeast(topics.agentReplies(), messages.size(), Duration.ofSeconds(60));
    List<AgentReply> replies = platform.readAll(topics.agentReplies()).stream()
        .map(r -> platform.decode(AgentReply.class, r)).toList();
    List<HandoffRequest> handoffs = platform.readAll(topics.handoffs()).stream()
        .map(r -> platform.decode(HandoffRequest.class, r)).toList();
    return ServedOutcome.of(replies, handoffs).stream()
        .filter(o -> messages.stream().anyMatch(m -> m.getMessageId().equals(o.reply().getInReplyTo()))).toList();
  }

  @Test
  void shouldRegisterTheStoredBaseModelAsActiveOnceAndAnswerWithItAcrossRestarts(@TempDir Path dataDir)
      throws Exception {
    // Given a data directory whose model store holds the base model, and an empty model-versions topic
    String prefix = "app.";
    ModelArtifact base = TinyModelStore.save(dataDir.resolve("models"), TinyReplyModel.shared(),
        BaseTrainingOptions.VERSION);
    KefuConfig config = platform.config(prefix, Map.of("data.dir", dataDir.toString(),
        "reply.group.id", prefix + "replies", "reply.generation.max.tokens", "40", "model.device", "cpu"));
    ReplyTopics topics = ReplyTopics.from(TopicCatalogue.load(prefix));

    // When the app starts
    try (ReplyServiceApp app = ReplyServiceApp.fromConfig(config, System.out)) {
      app.start();

      // Then the base model is the ACTIVE version on model-versions, with its artifact's location and checksum
      try (RegistryDriver registry = RegistryDriver.start(config)) {
        ModelVersion active = registry.awaitStatus(BaseTrainingOptions.VERSION, ModelStatus.ACTIVE);
        assertThat(active.getModelName()).isEqualTo("kefu");
        assertThat(active.getArtifactUri()).isEqualTo(base.directory().toUri().toString());
        assertThat(active.getManifestSha256()).isEqualTo(base.manifestSha256());
        assertThat(active.getTrainingMetrics()).containsEntry("training.finalLoss", 0.25);
        assertThat(active.getReason()).isEqualTo("base model");
      }
      assertThat(app.activeVersion()).contains(BaseTrainingOptions.VERSION);
      assertThat(app.canaryVersion()).isEmpty();
      assertThat(app.storeDirectory()).isEqualTo(dataDir.resolve("models").toAbsolutePath());
      assertThat(app.httpPort()).isPositive();
      await().atMost(Duration.ofSeconds(60)).until(() -> app.service().isReady());

      // and it answers with that version
      List<ServedOutcome> answers = answersTo(topics,
          List.of(Conversations.message("app-1", 0, Locale.EN), Conversations.message("app-2", 0, Locale.ZH)));
      assertThat(answers).extracting(ServedOutcome::version).containsOnly(BaseTrainingOptions.VERSION);
    }

    // When it starts again on the same data directory and topics
    try (ReplyServiceApp again = ReplyServiceApp.fromConfig(config, System.out)) {
      again.start();

      // Then it registers nothing new and still answers with the base model
      try (RegistryDriver registry = RegistryDriver.start(config)) {
        assertThat(registry.view().history("kefu", BaseTrainingOptions.VERSION)).hasSize(1);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> again.service().isReady());
      List<ServedOutcome> answers = answersTo(topics, List.of(Conversations.message("app-1", 1, Locale.EN)));
      assertThat(answers).extracting(ServedOutcome::version).containsOnly(BaseTrainingOptions.VERSION);
    }
  }
}
