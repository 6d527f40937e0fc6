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
import io.kefu.reply.generate.ReplyGenerator;
import io.kefu.reply.pipeline.ReplyTopics;
import io.kefu.reply.testing.Conversations;
import io.kefu.reply.testing.GatedReplyGenerator;
import io.kefu.reply.testing.HeldSendInterceptor;
import io.kefu.reply.testing.ReplyTestKafka;
import io.kefu.reply.testing.TinyReplyModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipelined loop on a real broker with the real tiny model: replies are committed as they finish, not a poll at a
 * time; a conversation's messages still go one after another; a revoked partition's late result is never produced.
 * A {@link GatedReplyGenerator} makes chosen generations last until the test releases them, so every expectation
 * rests on ordering, not on timing.
 */
class PipelinedReplyIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  private static final Duration WAIT = Duration.ofSeconds(90);

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

  private static ReplyService service(String prefix, String instance, Function<ReplyGenerator, ReplyGenerator> wrap) {
    return service(prefix, instance, wrap, Map.of());
  }

  private static ReplyService service(String prefix, String instance, Function<ReplyGenerator, ReplyGenerator> wrap,
      Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("reply.group.id", prefix + "replies",
        "reply.instance.id", instance, "reply.generation.max.tokens", "40"));
    settings.putAll(extra);
    var config = platform.config(prefix, settings);
    return new ReplyService(config, wrap.apply(new EngineReplyGenerator(engine, ReplyOptions.from(config).sampling())));
  }

  private static ReplyTopics topics(String prefix) {
    return ReplyTopics.from(TopicCatalogue.load(prefix));
  }

  /** Sends {@code message} to {@code partition} of customer-messages, keyed by its conversation. */
  private static void send(ReplyTopics topics, int partition, CustomerMessage message) {
    String topic = topics.customerMessages();
    platform.send(List.of(new ProducerRecord<>(topic, partition,
        message.getConversationId().getBytes(StandardCharsets.UTF_8), platform.serialize(topic, message))));
  }

  private static List<AgentReply> replies(ReplyTopics topics, int atLeast) {
    return platform.readAtLeast(topics.agentReplies(), atLeast, WAIT).stream()
        .map(r -> platform.decode(AgentReply.class, r)).toList();
  }

  @Test
  void shouldCommitAnotherConversationsReplyWhileALongGenerationIsStillRunning() {
    // Given a service whose generations for conversation A last until the test releases them
    String prefix = "overtake.";
    ReplyTopics topics = topics(prefix);
    GatedReplyGenerator[] gate = new GatedReplyGenerator[1];
    try (ReplyService service = service(prefix, "overtake", g -> gate[0] = new GatedReplyGenerator(g, "a"::equals))) {
      service.start();
      await().atMost(WAIT).until(service::isReady);
      CustomerMessage a = Conversations.message("a", 0, Locale.EN);
      CustomerMessage b = Conversations.message("b", 0, Locale.ZH);
      send(topics, 0, a);
      await().atMost(WAIT).until(() -> gate[0].calls("a").size() == 1);

      // When conversation B writes on another partition while A's generation runs
      send(topics, 1, b);

      // Then B's reply is committed and visible while A's generation is still held
      List<AgentReply> first = replies(topics, 1);
      assertThat(first).extracting(AgentReply::getInReplyTo).containsExactly(b.getMessageId());
      assertThat(gate[0].gatedDone()).isZero();

      // and A's reply follows once its generation ends, each message answered exactly once
      gate[0].release();
      platform.awaitNoLag(prefix + "replies", topics.customerMessages(), WAIT);
      assertThat(platform.readAll(topics.agentReplies())).map(r -> platform.decode(AgentReply.class, r))
          .extracting(AgentReply::getInReplyTo).containsExactlyInAnyOrder(a.getMessageId(), b.getMessageId());
      // and the model time of both replies is published beside their latency
      await().atMost(WAIT).until(() -> service.meterRegistry().get("kefu.reply.model.time").timer().count() == 2);
    }
  }

  @Test
  void shouldKeepPollingAndStartingGenerationsWhileATransactionIsInFlight() {
    // Given a service whose transaction for A's reply is held in its first send until the test releases it
    String prefix = "inflight.";
    ReplyTopics topics = topics(prefix);
    GatedReplyGenerator[] calls = new GatedReplyGenerator[1];
    try (ReplyService service = service(prefix, "inflight", g -> calls[0] = new GatedReplyGenerator(g, id -> false),
        Map.of("kafka.interceptor.classes", HeldSendInterceptor.class.getName()))) {
      service.start();
      await().atMost(WAIT).until(service::isReady);
      HeldSendInterceptor.arm(topics.agentReplies());
      CustomerMessage a = Conversations.message("a", 0, Locale.EN);
      CustomerMessage b = Conversations.message("b", 0, Locale.ZH);
      send(topics, 0, a);
      await().atMost(WAIT).until(HeldSendInterceptor::isHolding);

      // When conversation B writes on another partition while A's transaction is in flight
      send(topics, 1, b);

      // Then the loop still polls B and starts its generation, and nothing is visible yet
      await().atMost(WAIT).until(() -> calls[0].calls("b").size() == 1);
      assertThat(platform.readAll(topics.agentReplies())).isEmpty();

      // and once A's transaction ends, both are answered exactly once
      HeldSendInterceptor.release();
      platform.awaitNoLag(prefix + "replies", topics.customerMessages(), WAIT);
      assertThat(platform.readAll(topics.agentReplies())).map(r -> platform.decode(AgentReply.class, r))
          .extracting(AgentReply::getInReplyTo).containsExactlyInAnyOrder(a.getMessageId(), b.getMessageId());
      assertThat(calls[0].calls("a")).hasSize(1);
    } finally {
      HeldSendInterceptor.release();
    }
  }

  @Test
  void shouldCommitAReplyAheadOfAnUnfinishedEarlierMessageOfItsPartitionAndNotAnswerItAgainWhenThatIsRedone()
      throws Exception {
    // Given a service whose generations for conversation A last until the test ends them
    String prefix = "ahead.";
    String group = prefix + "replies";
    ReplyTopics topics = topics(prefix);
    TopicPartition zero = new TopicPartition(topics.customerMessages(), 0);
    GatedReplyGenerator[] gate = new GatedReplyGenerator[1];
    try (ReplyService service = service(prefix, "ahead", g -> gate[0] = new GatedReplyGenerator(g, "a"::equals));
        Admin admin = Admin.create(kafka.broker().clientProperties())) {
      service.start();
      await().atMost(WAIT).until(service::isReady);
      CustomerMessage a = Conversations.message("a", 0, Locale.EN);
      CustomerMessage b = Conversations.message("b", 0, Locale.EN);

      // When A and then B write on the same partition, and A's generation is held
      send(topics, 0, a);
      await().atMost(WAIT).until(() -> gate[0].calls("a").size() == 1);
      send(topics, 0, b);

      // Then B's reply is committed and visible first, while the group's offset stays before A's message
      assertThat(replies(topics, 1)).extracting(AgentReply::getInReplyTo).containsExactly(b.getMessageId());
      assertThat(gate[0].gatedDone()).isZero();
      OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
          .get(zero);
      assertThat(committed == null ? 0L : committed.offset()).isZero();

      // When A's generation fails, so the partition is redone from that offset: A, then B again
      gate[0].failHeld(new IllegalStateException("model call failed (test)"));
      platform.awaitNoLag(group, topics.customerMessages(), WAIT);

      // Then A is answered, B is recognised as answered and not generated or produced again
      assertThat(platform.readAll(topics.agentReplies())).map(r -> platform.decode(AgentReply.class, r))
          .extracting(AgentReply::getInReplyTo).containsExactlyInAnyOrder(b.getMessageId(), a.getMessageId());
      assertThat(gate[0].calls("a")).hasSize(2);
      assertThat(gate[0].calls("b")).hasSize(1);
    }
  }

  @Test
  void shouldStartAConversationsNextMessageOnlyAfterItsPreviousReplyIsDoneAndWithThatReplyInItsContext() {
    // Given a service whose generations for conversation A last until the test releases them
    String prefix = "order.";
    ReplyTopics topics = topics(prefix);
    GatedReplyGenerator[] gate = new GatedReplyGenerator[1];
    try (ReplyService service = service(prefix, "order", g -> gate[0] = new GatedReplyGenerator(g, "a"::equals))) {
      service.start();
      await().atMost(WAIT).until(service::isReady);
      List<CustomerMessage> conversationA = List.of(Conversations.message("a", 0, Locale.EN),
          Conversations.message("a", 1, Locale.EN));
      CustomerMessage b = Conversations.message("b", 0, Locale.EN);

      // When A sends two messages in a row and B one message on another partition
      send(topics, 2, conversationA.get(0));
      send(topics, 2, conversationA.get(1));
      send(topics, 3, b);

      // Then B is answered while A's second message has not even been given to the model
      assertThat(replies(topics, 1)).extracting(AgentReply::getInReplyTo).containsExactly(b.getMessageId());
      assertThat(gate[0].calls("a")).extracting(GatedReplyGenerator.Call::message)
          .containsExactly(conversationA.get(0).getText());

      // and once A's first reply is done, its second message is answered after it, conditioned on that reply
      gate[0].release();
      platform.awaitNoLag(prefix + "replies", topics.customerMessages(), WAIT);
      List<AgentReply> answered = platform.readAll(topics.agentReplies()).stream()
          .map(r -> platform.decode(AgentReply.class, r)).filter(r -> r.getConversationId().equals("a")).toList();
      assertThat(answered).extracting(AgentReply::getInReplyTo)
          .containsExactly(conversationA.get(0).getMessageId(), conversationA.get(1).getMessageId());
      assertThat(answered).extracting(AgentReply::getContext)
          .containsExactlyElementsOf(Conversations.expectedContexts(conversationA, answered, 12));
      assertThat(gate[0].calls("a").get(1).context()).hasSize(2);
    }
  }

  @Test
  void shouldNeverProduceTheLateResultOfAPartitionRevokedWhileItsGenerationRan() throws Exception {
    // Given a first instance holding one generation on each of the six partitions
    String prefix = "revoke.";
    String group = prefix + "replies";
    ReplyTopics topics = topics(prefix);
    GatedReplyGenerator[] gate = new GatedReplyGenerator[1];
    ReplyService first = service(prefix, "a-first", g -> gate[0] = new GatedReplyGenerator(g, id -> true));
    ReplyService second = service(prefix, "b-second", Function.identity());
    try (Admin admin = Admin.create(kafka.broker().clientProperties())) {
      first.start();
      await().atMost(WAIT).until(first::isReady);
      for (int p = 0; p < 6; p++) {
        send(topics, p, Conversations.message("p" + p, 0, p % 2 == 0 ? Locale.EN : Locale.ZH));
      }
      await().atMost(WAIT).until(() -> gate[0].calls().size() == 6);

      // When a second instance joins the group and takes some of the partitions
      second.start();
      Set<TopicPartition> moved = new HashSet<>();
      await().atMost(WAIT).until(() -> {
        moved.clear();
        moved.addAll(assignment(admin, group, "b-second", topics.customerMessages()));
        return second.isReady() && first.isReady() && !moved.isEmpty()
            && assignment(admin, group, "a-first", topics.customerMessages()).size() == 6 - moved.size();
      });
      // the second instance answers the moved partitions' messages
      replies(topics, moved.size());
      // and only then do the first instance's generations, begun before the move, end
      gate[0].release();
      await().atMost(WAIT).until(() -> gate[0].gatedDone() >= 6);
      // a marker on a partition the first instance kept is committed after any late result it could have produced
      int kept = java.util.stream.IntStream.range(0, 6)
          .filter(p -> !moved.contains(new TopicPartition(topics.customerMessages(), p))).findFirst().orElseThrow();
      CustomerMessage marker = Conversations.message("marker", 0, Locale.EN);
      send(topics, kept, marker);
      await().atMost(WAIT).until(() -> platform.readAll(topics.agentReplies()).stream()
          .map(r -> platform.decode(AgentReply.class, r)).anyMatch(r -> r.getInReplyTo().equals(marker.getMessageId())));
      platform.awaitNoLag(group, topics.customerMessages(), WAIT);

      // Then every message has exactly one reply: no late result of a moved partition was produced
      List<String> answered = platform.readAll(topics.agentReplies()).stream()
          .map(r -> platform.decode(AgentReply.class, r)).map(AgentReply::getInReplyTo).toList();
      assertThat(answered).hasSize(7).doesNotHaveDuplicates();
      assertThat(answered).contains("p0-m0", "p1-m0", "p2-m0", "p3-m0", "p4-m0", "p5-m0", marker.getMessageId());
    } finally {
      first.stop();
      second.stop();
    }
  }

  /** The partitions of {@code topic} assigned to the member whose client id contains {@code instance}. */
  private static Set<TopicPartition> assignment(Admin admin, String group, String instance, String topic)
      throws Exception {
    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    Set<TopicPartition> partitions = new HashSet<>();
    for (MemberDescription member : description.members()) {
      if (member.clientId().contains(instance)) {
        Collection<TopicPartition> assigned = member.assignment().topicPartitions();
        assigned.stream().filter(tp -> tp.topic().equals(topic)).forEach(partitions::add);
      }
    }
    return partitions;
  }
}
