package io.kefu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.RestSchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator against a real broker and registry, answered by a scripted agent in the test. */
class CustomerSimulatorIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  /** Customers who all ask about an order, alternating languages. */
  private static final CustomerScenarios SCENARIOS = random -> {
    boolean zh = random.nextBoolean();
    String order = "A" + (1_000_000 + random.nextInt(8_999_999));
    return zh ? new SimulatedCustomer("我的订单" + order + "到哪了？", Locale.ZH, "order_status", order)
        : new SimulatedCustomer("Where is order " + order + "?", Locale.EN, "order_status", order);
  };

  /** A customer sees the order number by substring and a next step by the word "will" or "将". */
  private static final ReplyAssessor ASSESSOR = (customer, reply) -> new ReplyAssessment(
      !reply.contains("refund"), reply.contains(customer.orderNumber()), reply.contains("will") || reply.contains("将"));

  @Test
  void shouldRateEveryAnswerByTheHiddenPreferenceAndIgnoreOtherConversations() throws Exception {
    Map<String, Object> props = kafka.broker().clientProperties();
    try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
            .setKafkaProperties(props).optTopic("_schemas-sim").optTopicReplication((short) 1).build())) {
      registry.start();
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      TopicCatalogue catalogue = TopicCatalogue.load("sim.");
      try (Admin admin = Admin.create(props)) {
        new TopicAdmin(admin).ensureTopics(catalogue.all());
      }
      KefuTopics topics = KefuTopics.create(catalogue, client, true);

      // Given an agent that answers message i: complete when i % 4 == 0, vague when 1, wrong intent when 2,
      // and hands off when 3; and that also answers a stranger's conversation
      AtomicBoolean stop = new AtomicBoolean();
      Thread agent = new Thread(() -> answer(props, topics, stop), "scripted-agent");
      agent.start();
      SimulationPlan plan = new SimulationPlan("run1", 200, 40, 11, 1.0);
      try (CustomerSimulator simulator = new CustomerSimulator(props, topics, SCENARIOS, ASSESSOR,
          new HiddenPreference(5, 3, 2, 1, 0.0), plan, Clock.systemUTC())) {
        List<RatedReply> rated = new ArrayList<>();
        simulator.addListener(rated::add);

        // When the simulation sends 40 messages
        simulator.start();
        assertThat(simulator.awaitAnswered(Duration.ofSeconds(60))).isTrue();

        // Then every message was answered, the 10 handoffs were not rated, and the 30 ratings follow the preference
        SimulationReport report = simulator.report();
        assertThat(report.sent()).isEqualTo(40);
        assertThat(report.answered()).isEqualTo(40);
        assertThat(report.handedOff()).isEqualTo(10);
        assertThat(report.rated()).isEqualTo(30);
        assertThat(report.byVersion().get("v7").byStars()).containsExactly(10, 10, 0, 0, 10);
        assertThat(report.byVersion().get("v7").mean()).isCloseTo(8.0 / 3, org.assertj.core.api.Assertions.within(1e-9));

        // And the feedback topic holds exactly those 30 ratings, keyed by replyId
        Map<String, Integer> feedback = readFeedback(props, topics, 30);
        assertThat(feedback).hasSize(30);
        for (RatedReply reply : rated) {
          assertThat(feedback.get(reply.replyId())).isEqualTo(reply.stars());
        }
      } finally {
        stop.set(true);
        agent.join();
        client.close();
      }
    }
  }

  private static void answer(Map<String, Object> props, KefuTopics topics, AtomicBoolean stop) {
    Map<String, Object> consumerProps = new HashMap<>(props);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "scripted-agent");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, CustomerMessage> consumer = new KafkaConsumer<>(consumerProps,
            topics.customerMessages().keySerde().deserializer(), topics.customerMessages().valueSerde().deserializer());
        KafkaProducer<String, AgentReply> producer = new KafkaProducer<>(props,
            topics.agentReplies().keySerde().serializer(), topics.agentReplies().valueSerde().serializer())) {
      consumer.subscribe(List.of(topics.customerMessages().name()));
      while (!stop.get()) {
        for (ConsumerRecord<String, CustomerMessage> record : consumer.poll(Duration.ofMillis(100))) {
          CustomerMessage message = record.value();
          int i = Integer.parseInt(message.getMessageId().substring(message.getMessageId().indexOf("-m") + 2));
          String order = message.getText().replaceAll(".*(A\\d{7}).*", "$1");
          String text = switch (i % 4) {
            case 0 -> "Order " + order + " will arrive on Friday.";
            case 1 -> "Thanks for reaching out.";
            case 2 -> "Your refund for " + order + " will be processed.";
            default -> "Let me find a colleague for you.";
          };
          producer.send(new ProducerRecord<>(topics.agentReplies().name(), message.getConversationId(),
              reply(message.getConversationId(), message.getMessageId(), "r-" + i, text, i % 4 == 3)));
          // a reply to a conversation the simulator never started
          producer.send(new ProducerRecord<>(topics.agentReplies().name(), "stranger",
              reply("stranger", "m-x", "r-x" + i, "Order will arrive.", false)));
        }
      }
    }
  }

  private static AgentReply reply(String conversationId, String inReplyTo, String replyId, String text,
      boolean handedOff) {
    return AgentReply.newBuilder()
        .setReplyId(replyId)
        .setConversationId(conversationId)
        .setInReplyTo(inReplyTo)
        .setText(text)
        .setLocale(Locale.EN)
        .setAuthor(handedOff ? AuthorKind.SYSTEM : AuthorKind.MODEL)
        .setModelVersion(handedOff ? null : "v7")
        .setHandedOff(handedOff)
        .setContext(List.of())
        .setCreatedAt(Instant.now())
        .build();
  }

  private static Map<String, Integer> readFeedback(Map<String, Object> props, KefuTopics topics, int expected) {
    Map<String, Object> consumerProps = new HashMap<>(props);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "feedback-reader");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, Integer> ratings = new HashMap<>();
    try (KafkaConsumer<String, Feedback> consumer = new KafkaConsumer<>(consumerProps,
        topics.feedback().keySerde().deserializer(), topics.feedback().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.feedback().name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ratings.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Feedback> record : consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.key()).isEqualTo(record.value().getReplyId());
          ratings.put(record.key(), record.value().getRating());
        }
      }
    }
    return ratings;
  }
}
