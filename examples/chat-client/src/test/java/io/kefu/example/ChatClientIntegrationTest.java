package io.kefu.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Feedback;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.model.LanguageModel;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.reply.ReplyService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example client against the real pipeline: embedded broker and registry, and the reply service on a model. */
class ChatClientIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static EmbeddedSchemaRegistry registry;
  private static LanguageModel model;
  private static GenerationEngine engine;
  private static ReplyService replyService;

  @BeforeAll
  static void startKefu() {
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setBootstrapServers(kafka.bootstrapServers()).optPort(0).optTopicReplication((short) 1).build());
    registry.start();
    try (Admin admin = Admin.create(kafka.broker().clientProperties())) {
      new TopicAdmin(admin).ensureTopics(TopicCatalogue.load("").all());
    }
    KefuConfig config = KefuConfig.load(null, Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "schema.registry.url", registry.url(),
        "reply.http.port", "0",
        "reply.generation.max.tokens", "40"));
    model = TinyModel.train();
    engine = TinyModel.engine(model);
    replyService = ReplyService.forEngine(config, engine);
    replyService.start();
    await().atMost(Duration.ofSeconds(60)).until(replyService::isReady);
  }

  @AfterAll
  static void stopKefu() {
    if (replyService != null) {
      replyService.stop();
    }
    if (engine != null) {
      engine.close();
    }
    if (model != null) {
      model.close();
    }
    if (registry != null) {
      registry.stop();
    }
  }

  @Test
  void shouldSendAMessageReceiveKefusReplyAndRateItFromTheCommandLine() {
    // Given the client's command line as the integration guide shows it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {kafka.bootstrapServers(), registry.url(), TinyModel.question(3), "EN", "4"};

    // When it runs
    int code = ChatClientMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    // Then it exits cleanly, having printed the reply the reply service committed to agent-replies
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(code).isZero();
    List<AgentReply> replies = readValues(ChatTopics.defaults().agentReplies(), 1);
    assertThat(replies).hasSize(1);
    AgentReply reply = replies.get(0);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("in conversation " + reply.getConversationId())
        .contains("sent message " + reply.getInReplyTo())
        .contains("reply " + reply.getReplyId() + " (")
        .contains("): " + reply.getText() + "\n");
    assertThat(reply.getModelVersion()).isEqualTo(TinyModel.VERSION);

    // And the rating is on the feedback topic, keyed by the reply's id
    List<ConsumerRecord<String, Feedback>> ratings = readRecords(ChatTopics.defaults().feedback(), 1);
    assertThat(ratings).hasSize(1);
    assertThat(ratings.get(0).key()).isEqualTo(reply.getReplyId());
    Feedback feedback = ratings.get(0).value();
    assertThat(feedback.getReplyId()).isEqualTo(reply.getReplyId());
    assertThat(feedback.getConversationId()).isEqualTo(reply.getConversationId());
    assertThat(feedback.getRating()).isEqualTo(4);
    assertThat(printed).contains("rated reply " + reply.getReplyId() + " with 4 stars");
  }

  private static <T> List<T> readValues(String topic, int count) {
    return ChatClientIntegrationTest.<T>readRecords(topic, count).stream().map(ConsumerRecord::value).toList();
  }

  /** Reads {@code topic} from the beginning, read_committed, with the example's own consumer config. */
  private static <T> List<ConsumerRecord<String, T>> readRecords(String topic, int count) {
    ChatClientSettings settings = ChatClientSettings.of(kafka.bootstrapServers(), registry.url());
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(settings.consumerConfig())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, T>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= count;
      });
      // One more poll: a second record, which must not exist, would show here.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      return records;
    }
  }
}
