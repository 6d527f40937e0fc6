package io.kefu.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.pipeline.ReplyTopics;
import io.kefu.reply.testing.Conversations;
import io.kefu.reply.testing.ReplyTestKafka;
import io.kefu.reply.testing.TinyReplyModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplyServiceRestartIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static final String PREFIX = "restart.";
  private static final String GROUP = "restart-replies";
  private static final int CONVERSATIONS = 60;
  private static final int MESSAGES = 10;

  private static ReplyTestKafka platform;
  private static GenerationEngine engine;

  @BeforeAll
  static void startRegistryAndEngine() {
    platform = ReplyTestKafka.start(kafka.broker());
    engine = TinyReplyModel.engine(TinyReplyModel.shared());
  }

  @AfterAll
  static void stopRegistryAndEngine() {
    engine.close();
    platform.close();
  }

  private static ReplyService instance(String name) {
    return instance(PREFIX, GROUP, name);
  }

  private static ReplyService instance(String prefix, String group, String name) {
    var config = platform.config(prefix, Map.of("reply.group.id", group, "reply.instance.id", name,
        "reply.generation.max.tokens", "40", "reply.max.poll.records", "50"));
    return new ReplyService(config, new EngineReplyGenerator(engine, ReplyOptions.from(config).sampling()));
  }

  @Test
  void shouldAnswerEveryMessageOnceAndKeepConversationMemoryWhileInstancesJoinAndStopMidStream() {
    // Given conversations whose messages arrive in three waves
    ReplyTopics topics = ReplyTopics.from(TopicCatalogue.load(PREFIX));
    Map<String, List<CustomerMessage>> conversations = conversations();
    ReplyService first = instance("first");
    ReplyService second = instance("second");
    try {
      first.start();
      await().atMost(Duration.ofSeconds(60)).until(first::isReady);
      sendWave(topics, conversations, 0, 4);
      platform.readAtLeast(topics.agentReplies(), CONVERSATIONS * 2, Duration.ofSeconds(60));

      // When a second instance joins the group while the first wave is being answered
      second.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> second.isReady() && first.isReady());
      platform.readAtLeast(topics.agentReplies(), CONVERSATIONS * 4, Duration.ofSeconds(90));
      // and the first instance is stopped while the second wave is in flight
      sendWave(topics, conversations, 4, 7);
      first.stop();
      sendWave(topics, conversations, 7, MESSAGES);

      // Then the remaining instance answers everything: exactly one reply per message, in order per conversation,
      // and memory survived both moves: every reply saw the turns before it, including the ones answered by the
      // first instance and restored by the second from conversation-turns
      assertAnsweredExactlyOnceWithMemory(topics, GROUP, conversations);
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void shouldAnswerEveryMessageExactlyOnceWhenTheBrokerRestartsMidStream() {
    // Given a running instance answering a stream of conversations
    String prefix = "crash.";
    String group = "crash-replies";
    ReplyTopics topics = ReplyTopics.from(TopicCatalogue.load(prefix));
    Map<String, List<CustomerMessage>> conversations = conversations();
    try (ReplyService service = instance(prefix, group, "survivor")) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::isReady);
      sendWave(topics, conversations, 0, MESSAGES);
      platform.readAtLeast(topics.agentReplies(), CONVERSATIONS, Duration.ofSeconds(60));

      // When the broker stops mid-stream and comes back on the same data directory and port
      kafka.broker().stop();
      kafka.broker().start();

      // Then every message is still answered exactly once, in order, with its memory
      assertAnsweredExactlyOnceWithMemory(topics, group, conversations);
    }
  }

  private static void assertAnsweredExactlyOnceWithMemory(ReplyTopics topics, String group,
      Map<String, List<CustomerMessage>> conversations) {
    platform.readAtLeast(topics.agentReplies(), CONVERSATIONS * MESSAGES, Duration.ofSeconds(150));
    platform.awaitNoLag(group, topics.customerMessages(), Duration.ofSeconds(60));
    List<AgentReply> replies = platform.readAll(topics.agentReplies()).stream()
        .map(r -> platform.decode(AgentReply.class, r)).toList();
    assertThat(replies).hasSize(CONVERSATIONS * MESSAGES);
    Map<String, List<AgentReply>> byConversation = replies.stream()
        .collect(Collectors.groupingBy(AgentReply::getConversationId, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<CustomerMessage>> conversation : conversations.entrySet()) {
      List<CustomerMessage> sent = conversation.getValue();
      List<AgentReply> answered = byConversation.get(conversation.getKey());
      assertThat(answered).extracting(AgentReply::getInReplyTo)
          .containsExactlyElementsOf(sent.stream().map(CustomerMessage::getMessageId).toList());
      assertThat(answered).extracting(AgentReply::getContext)
          .containsExactlyElementsOf(Conversations.expectedContexts(sent, answered, 12));
    }
    assertThat(platform.readAll(topics.customerMessagesDlq())).isEmpty();
  }

  private static Map<String, List<CustomerMessage>> conversations() {
    Map<String, List<CustomerMessage>> conversations = new LinkedHashMap<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      List<CustomerMessage> messages = new ArrayList<>();
      for (int k = 0; k < MESSAGES; k++) {
        messages.add(Conversations.message("conv-" + c, k, c % 2 == 0 ? Locale.EN : Locale.ZH));
      }
      conversations.put("conv-" + c, messages);
    }
    return conversations;
  }

  private static void sendWave(ReplyTopics topics, Map<String, List<CustomerMessage>> conversations, int from,
      int to) {
    List<CustomerMessage> wave = new ArrayList<>();
    for (int k = from; k < to; k++) {
      for (List<CustomerMessage> messages : conversations.values()) {
        wave.add(messages.get(k));
      }
    }
    platform.sendMessages(topics.customerMessages(), wave);
  }
}
