package io.kefu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.contract.Role;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.RestSchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kefu simulate} from settings alone, against a real broker and registry and a scripted agent. */
class SimulatorServiceIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

  @Test
  void shouldRunFromSettingsRateHeldOutCustomersAndAnswerHandoffsAsAnOperator() throws Exception {
    Map<String, Object> props = kafka.broker().clientProperties();
    try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
            .setKafkaProperties(props).optTopic("_schemas-svc").optTopicReplication((short) 1).build())) {
      registry.start();
      // Given settings for 30 messages at 300/s with operator answers, and a progress line every 100 ms
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put(CoreSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
      settings.put(CoreSettings.SCHEMA_REGISTRY_URL, registry.url());
      settings.put(CoreSettings.TOPIC_PREFIX, "svc.");
      settings.put(SimulatorSettings.MESSAGES, "30");
      settings.put(SimulatorSettings.RATE, "300");
      settings.put(SimulatorSettings.SEED, "4");
      settings.put(SimulatorSettings.NOISE, "0");
      settings.put(SimulatorSettings.OPERATOR_ANSWERS, "true");
      settings.put(SimulatorSettings.RUN_ID, "svc-run");
      settings.put(SimulatorSettings.PROGRESS_INTERVAL, "100ms");
      KefuConfig config = KefuConfig.load(null, settings);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream progress = new PrintStream(printed, true, StandardCharsets.UTF_8);

      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      KefuTopics topics = KefuTopics.create(TopicCatalogue.load("svc."), client, true);
      Map<String, CustomerMessage> received = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      SimulatorService service = SimulatorService.fromConfig(config, progress);
      Thread agent = null;
      try {
        // When the service starts (creating the topics) and an agent hands off every third message
        service.start();
        agent = new Thread(() -> answer(props, topics, received, stop), "scripted-agent");
        agent.start();

        // Then all 30 messages are answered: 10 handed off and answered by the operator, 20 rated
        assertThat(service.awaitFinished(Duration.ofSeconds(60))).isTrue();
        SimulationReport report = service.report();
        assertThat(report.sent()).isEqualTo(30);
        assertThat(report.answered()).isEqualTo(30);
        assertThat(report.handedOff()).isEqualTo(10);
        assertThat(report.operatorAnswers()).isEqualTo(10);
        assertThat(report.rated()).isEqualTo(20);
        // And the agent's reply addresses no intent, so without noise every rating is the "wrong" 1 star
        assertThat(report.byVersion().get("v1").byStars()).containsExactly(20, 0, 0, 0, 0);
      } finally {
        stop.set(true);
        if (agent != null) {
          agent.join();
        }
        service.stop();
      }

      // And the customers wrote in both languages, with the settings' run id
      assertThat(received).hasSize(30);
      assertThat(received.values()).extracting(CustomerMessage::getLocale).contains(Locale.EN, Locale.ZH);
      assertThat(received.keySet()).allMatch(id -> id.startsWith("svc-run-m"));
      // And the operator's 10 answers are HUMAN replies to the handed-off messages, with the customer's message as
      // their context
      List<AgentReply> human = readHumanReplies(props, topics, 10);
      assertThat(human).hasSize(10);
      for (AgentReply reply : human) {
        CustomerMessage asked = received.get(reply.getInReplyTo());
        assertThat(index(asked.getMessageId()) % 3).isZero();
        assertThat(reply.getOperatorId()).isEqualTo(CustomerSimulator.OPERATOR_ID);
        assertThat(reply.getConversationId()).isEqualTo(asked.getConversationId());
        assertThat(reply.getLocale()).isEqualTo(asked.getLocale());
        assertThat(reply.getContext()).hasSize(1);
        assertThat(reply.getContext().get(0).getRole()).isEqualTo(Role.CUSTOMER);
        assertThat(reply.getContext().get(0).getText()).isEqualTo(asked.getText());
      }
      // And progress lines were printed, the last one on stop
      String lines = printed.toString(StandardCharsets.UTF_8);
      assertThat(lines).contains("svc-run: sent 30/30, answered 30 (10 handed off, 10 answered by the operator), "
          + "rated 20: mean ").endsWith("(stopped)" + System.lineSeparator());
      client.close();
    }
  }

  private static int index(String messageId) {
    return Integer.parseInt(messageId.substring(messageId.indexOf("-m") + 2));
  }

  private static void answer(Map<String, Object> props, KefuTopics topics, Map<String, CustomerMessage> received,
      AtomicBoolean stop) {
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
          received.put(message.getMessageId(), message);
          boolean handOff = index(message.getMessageId()) % 3 == 0;
          String text = message.getLocale() == Locale.ZH ? "感谢您的耐心。" : "Thanks for reaching out.";
          producer.send(new ProducerRecord<>(topics.agentReplies().name(), message.getConversationId(),
              AgentReply.newBuilder()
                  .setReplyId("r-" + message.getMessageId())
                  .setConversationId(message.getConversationId())
                  .setInReplyTo(message.getMessageId())
                  .setText(text)
                  .setLocale(message.getLocale())
                  .setAuthor(handOff ? AuthorKind.SYSTEM : AuthorKind.MODEL)
                  .setModelVersion(handOff ? null : "v1")
                  .setHandedOff(handOff)
                  .setContext(List.of())
                  .setCreatedAt(Instant.now())
                  .build()));
        }
      }
    }
  }

  private static List<AgentReply> readHumanReplies(Map<String, Object> props, KefuTopics topics, int expected) {
    Map<String, Object> consumerProps = new HashMap<>(props);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "human-reply-reader");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<AgentReply> human = new ArrayList<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (KafkaConsumer<String, AgentReply> consumer = new KafkaConsumer<>(consumerProps,
        topics.agentReplies().keySerde().deserializer(), topics.agentReplies().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.agentReplies().name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (human.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, AgentReply> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value().getAuthor() == AuthorKind.HUMAN && seen.add(record.value().getReplyId())) {
            human.add(record.value());
          }
        }
      }
    }
    return human;
  }
}
