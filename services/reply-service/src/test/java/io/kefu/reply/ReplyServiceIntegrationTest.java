package io.kefu.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.AuthorKind;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.HandoffReason;
import io.kefu.contract.HandoffRequest;
import io.kefu.contract.Locale;
import io.kefu.kafka.dlq.DeadLetter;
import io.kefu.kafka.dlq.DlqHeaders;
import io.kefu.kafka.embedded.junit.EmbeddedKafkaExtension;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.reply.generate.EngineReplyGenerator;
import io.kefu.reply.pipeline.ReplyTopics;
import io.kefu.reply.testing.Conversations;
import io.kefu.reply.testing.ReplyTestKafka;
import io.kefu.reply.testing.TinyReplyModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplyServiceIntegrationTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();


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

  private static ReplyService service(String prefix, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(Map.of("reply.group.id", prefix + "replies",
        "reply.generation.max.tokens", "40"));
    settings.putAll(overrides);
    var config = platform.config(prefix, settings);
    return new ReplyService(config, new EngineReplyGenerator(engine, ReplyOptions.from(config).sampling()));
  }

  private static ReplyTopics topics(String prefix) {
    return ReplyTopics.from(TopicCatalogue.load(prefix));
  }

  private static List<AgentReply> replies(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> platform.decode(AgentReply.class, r)).toList();
  }

  @Test
  void shouldAnswerAThousandMessagesOfAHundredConversationsExactlyOnceAndInOrder() throws Exception {
    // Given a running service and 100 conversations (half English, half Chinese) of 10 messages, interleaved, in
    // ten of which the customer asks for a person at the 7th message
    String prefix = "volume.";
    ReplyTopics topics = topics(prefix);
    Map<String, List<CustomerMessage>> conversations = new LinkedHashMap<>();
    List<String> askedForPerson = new ArrayList<>();
    for (int c = 0; c < 100; c++) {
      String id = "conv-" + c;
      Locale locale = c % 2 == 0 ? Locale.EN : Locale.ZH;
      List<CustomerMessage> messages = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        messages.add(Conversations.message(id, k, locale));
      }
      if (c % 10 == 3) {
        String text = locale == Locale.EN ? "This is not helping, can I talk to a real person?" : "没用，请帮我转人工。";
        messages.set(6, Conversations.message(id, id + "-m6", text, locale));
        askedForPerson.add(id + "-m6");
      }
      conversations.put(id, messages);
    }
    List<CustomerMessage> interleaved = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      for (List<CustomerMessage> messages : conversations.values()) {
        interleaved.add(messages.get(k));
      }
    }
    long started = System.nanoTime();
    try (ReplyService service = service(prefix, Map.of())) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::isReady);

      // When a chat platform sends all 1,000 messages
      platform.sendMessages(topics.customerMessages(), interleaved);

      // Then a read_committed consumer sees exactly one reply per message, each conversation's in order
      platform.readAtLeast(topics.agentReplies(), 1000, Duration.ofSeconds(150));
      platform.awaitNoLag(prefix + "replies", topics.customerMessages(), Duration.ofSeconds(30));
      List<AgentReply> replies = replies(platform.readAll(topics.agentReplies()));
      System.out.printf("1,000 messages answered in %.1f s%n", (System.nanoTime() - started) / 1e9);
      assertThat(replies).hasSize(1000);
      Map<String, List<AgentReply>> byConversation = replies.stream()
          .collect(Collectors.groupingBy(AgentReply::getConversationId, LinkedHashMap::new, Collectors.toList()));
      assertThat(byConversation).hasSize(100);
      for (Map.Entry<String, List<CustomerMessage>> conversation : conversations.entrySet()) {
        List<CustomerMessage> sent = conversation.getValue();
        List<AgentReply> answered = byConversation.get(conversation.getKey());
        assertThat(answered).extracting(AgentReply::getInReplyTo)
            .containsExactlyElementsOf(sent.stream().map(CustomerMessage::getMessageId).toList());
        // each reply was conditioned on the conversation so far, the previous reply included, message last
        assertThat(answered).extracting(AgentReply::getContext)
            .containsExactlyElementsOf(Conversations.expectedContexts(sent, answered, 12));
        assertThat(answered).allSatisfy(reply -> assertThat(reply.getLocale()).isEqualTo(sent.get(0).getLocale()));
      }
      assertThat(replies).allSatisfy(reply -> {
        assertThat(reply.getConfidence()).isBetween(0.0, 1.0);
        assertThat(reply.getLatencyMs()).isGreaterThanOrEqualTo(0L);
        if (reply.getAuthor() == AuthorKind.MODEL) {
          assertThat(reply.getModelVersion()).isEqualTo(TinyReplyModel.VERSION);
          assertThat(reply.getHandedOff()).isFalse();
        } else {
          assertThat(reply.getAuthor()).isEqualTo(AuthorKind.SYSTEM);
          assertThat(reply.getHandedOff()).isTrue();
        }
      });
      // a handoff goes with every holding reply and with nothing else
      List<HandoffRequest> handoffs = platform.readAll(topics.handoffs()).stream()
          .map(r -> platform.decode(HandoffRequest.class, r)).toList();
      assertThat(handoffs).extracting(HandoffRequest::getMessageId).containsExactlyInAnyOrderElementsOf(
          replies.stream().filter(AgentReply::getHandedOff).map(AgentReply::getInReplyTo).toList());
      assertThat(handoffs).filteredOn(h -> h.getReason() == HandoffReason.CUSTOMER_ASKED)
          .extracting(HandoffRequest::getMessageId).containsExactlyInAnyOrderElementsOf(askedForPerson);
      assertThat(handoffs).filteredOn(h -> h.getReason() == HandoffReason.CUSTOMER_ASKED)
          .allSatisfy(h -> assertThat(h.getModelVersion()).isNull());
      assertThat(replies).filteredOn(r -> askedForPerson.contains(r.getInReplyTo()))
          .allSatisfy(r -> assertThat(r.getText()).isEqualTo(r.getLocale() == Locale.ZH
              ? "感谢您的耐心等待，正在为您转接人工客服，请稍候，客服人员会尽快在这里回复您。"
              : "Thanks for your patience. I'm passing your conversation to a member of our team, who will reply here"
                  + " shortly."));
      assertThat(replies.stream().filter(r -> r.getAuthor() == AuthorKind.MODEL).count())
          .as("replies written by the model").isGreaterThan(500);
      assertThat(platform.readAll(topics.customerMessagesDlq())).isEmpty();

      // and the service reports itself ready and its work in Prometheus metrics
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + service.httpPort();
      assertThat(get(http, base + "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(http, base + "/health/ready").statusCode()).isEqualTo(200);
      String metrics = get(http, base + "/metrics").body();
      assertThat(metrics)
          .contains("kefu_reply_model_version{version=\"" + TinyReplyModel.VERSION + "\"} 1")
          .contains("kefu_reply_latency_seconds_bucket")
          .contains("kefu_reply_batch_conversations")
          .contains("kefu_reply_tokens_total")
          .contains("kafka_consumer_fetch_manager_records_consumed_total")
          .contains("kafka_producer_record_send_total");
    }
  }

  @Test
  void shouldDeadLetterEachBadInputWithItsReasonAndAnswerTheGoodMessagesAroundIt() throws Exception {
    // Given a running service that allows 200 code points per message
    String prefix = "bad.";
    ReplyTopics topics = topics(prefix);
    String source = topics.customerMessages();
    try (ReplyService service = service(prefix, Map.of("reply.max.message.chars", "200"))) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::isReady);
      byte[] goodBytes = platform.serialize(source, Conversations.message("good-en", 0, Locale.EN));
      Map<String, ProducerRecord<byte[], byte[]>> bad = new LinkedHashMap<>();
      bad.put("WRONG_MAGIC_BYTE", record(source, "bad-1", "not avro at all".getBytes(StandardCharsets.UTF_8)));
      bad.put("UNKNOWN_SCHEMA_ID", record(source, "bad-2", new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 1, 2, 3}));
      bad.put("TRUNCATED_PAYLOAD", record(source, "bad-3", Arrays.copyOf(goodBytes, 9)));
      bad.put("NULL_VALUE", record(source, "bad-4", null));
      bad.put("INVALID_KEY", new ProducerRecord<>(source, new byte[] {(byte) 0xff, (byte) 0xfe}, goodBytes));
      bad.put("EMPTY_TEXT", message(source, "bad-6", Conversations.message("bad-6", "m", "", Locale.EN)));
      bad.put("EMPTY_TEXT ", message(source, "bad-7", Conversations.message("bad-7", "m", " \t\u3000 ", Locale.ZH)));
      bad.put("TEXT_TOO_LONG", message(source, "bad-8",
          Conversations.message("bad-8", "m", "退".repeat(201), Locale.ZH)));
      bad.put("UNKNOWN_LOCALE", message(source, "bad-9", Conversations.message("bad-9", "m", "hello", Locale.UNKNOWN)));
      bad.put("KEY_MISMATCH", message(source, "another-conversation",
          Conversations.message("bad-10", "m", "hello", Locale.EN)));
      String longId = "c".repeat(129);
      bad.put("CONVERSATION_ID_TOO_LONG", message(source, longId, Conversations.message(longId, "m", "hi", Locale.EN)));
      bad.put("INVALID_MESSAGE_ID", message(source, "bad-12", Conversations.message("bad-12", " ", "hi", Locale.EN)));

      // When each bad record is sent between two good messages of two conversations, and one good message is resent
      List<CustomerMessage> good = new ArrayList<>();
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      int k = 0;
      for (ProducerRecord<byte[], byte[]> record : bad.values()) {
        CustomerMessage en = Conversations.message("good-en", k, Locale.EN);
        CustomerMessage zh = Conversations.message("good-zh", k++, Locale.ZH);
        good.add(en);
        good.add(zh);
        records.add(message(source, en.getConversationId(), en));
        records.add(record);
        records.add(message(source, zh.getConversationId(), zh));
      }
      records.add(message(source, "good-en", good.get(2))); // a resent message id: answered once only
      platform.send(records);

      // Then every good message is answered once, in order, and each bad record is in the DLQ with its reason
      platform.readAtLeast(topics.agentReplies(), good.size(), Duration.ofSeconds(90));
      platform.awaitNoLag(prefix + "replies", source, Duration.ofSeconds(30));
      List<AgentReply> replies = replies(platform.readAll(topics.agentReplies()));
      assertThat(replies).extracting(AgentReply::getInReplyTo)
          .containsExactlyInAnyOrderElementsOf(good.stream().map(CustomerMessage::getMessageId).toList());
      List<ConsumerRecord<byte[], byte[]>> dead = platform.readAll(topics.customerMessagesDlq());
      assertThat(dead).extracting(r -> DeadLetter.header(r.headers(), DlqHeaders.REASON))
          .containsExactlyInAnyOrderElementsOf(bad.keySet().stream().map(String::trim).toList());
      for (ConsumerRecord<byte[], byte[]> letter : dead) {
        String reason = DeadLetter.header(letter.headers(), DlqHeaders.REASON);
        ProducerRecord<byte[], byte[]> original = bad.get(reason);
        if (reason.equals("EMPTY_TEXT") && !Arrays.equals(letter.value(), original.value())) {
          original = bad.get("EMPTY_TEXT ");
        }
        assertThat(letter.key()).as(reason).isEqualTo(original.key());
        assertThat(letter.value()).as(reason).isEqualTo(original.value());
        assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_TOPIC)).isEqualTo(source);
        assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_PARTITION)).matches("[0-5]");
        assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SOURCE_OFFSET)).matches("\\d+");
        assertThat(DeadLetter.header(letter.headers(), DlqHeaders.TIMESTAMP)).matches("\\d{13}");
        assertThat(DeadLetter.header(letter.headers(), DlqHeaders.SERVICE)).isEqualTo(ReplyService.SERVICE_NAME);
        if (!reason.equals("NULL_VALUE")) {
          assertThat(DeadLetter.header(letter.headers(), DlqHeaders.EXCEPTION_CLASS)).as(reason).isNotBlank();
        }
      }
      assertThat(service.meterRegistry().get("kefu.reply.duplicates").counter().count()).isEqualTo(1.0);
      assertThat(service.meterRegistry().get("kefu.reply.dlq").tag("reason", "EMPTY_TEXT").counter().count())
          .isEqualTo(2.0);
    }
  }

  @Test
  void shouldHandOffWithAHoldingReplyInTheCustomersLanguageWhenTheModelIsNotConfidentEnough() {
    // Given a service that hands off every reply below confidence 1 (which no reply of the model reaches)
    String prefix = "unsure.";
    ReplyTopics topics = topics(prefix);
    try (ReplyService service = service(prefix, Map.of("reply.handoff.confidence", "1.0"))) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(service::isReady);

      // When an English and a Chinese customer write
      CustomerMessage en = Conversations.message("unsure-en", 0, Locale.EN);
      CustomerMessage zh = Conversations.message("unsure-zh", 0, Locale.ZH);
      platform.sendMessages(topics.customerMessages(), List.of(en, zh));

      // Then each gets a handoff for low confidence and a holding reply in their language
      List<AgentReply> replies = replies(platform.readAtLeast(topics.agentReplies(), 2, Duration.ofSeconds(60)));
      List<HandoffRequest> handoffs = platform.readAtLeast(topics.handoffs(), 2, Duration.ofSeconds(30)).stream()
          .map(r -> platform.decode(HandoffRequest.class, r)).toList();
      assertThat(handoffs).allSatisfy(h -> {
        assertThat(h.getReason()).isEqualTo(HandoffReason.LOW_CONFIDENCE);
        assertThat(h.getConfidence()).isLessThan(1.0);
        assertThat(h.getModelVersion()).isEqualTo(TinyReplyModel.VERSION);
      });
      assertThat(handoffs).extracting(h -> h.getTranscript().get(h.getTranscript().size() - 1).getText())
          .containsExactlyInAnyOrder(en.getText(), zh.getText());
      Map<String, AgentReply> byMessage = replies.stream()
          .collect(Collectors.toMap(AgentReply::getInReplyTo, r -> r));
      assertThat(byMessage.get(en.getMessageId()).getText()).startsWith("Thanks for your patience.");
      assertThat(byMessage.get(zh.getMessageId()).getText()).startsWith("感谢您的耐心等待");
      assertThat(replies).allSatisfy(r -> {
        assertThat(r.getAuthor()).isEqualTo(AuthorKind.SYSTEM);
        assertThat(r.getHandedOff()).isTrue();
        assertThat(r.getModelVersion()).isNull();
      });
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static ProducerRecord<byte[], byte[]> message(String topic, String key, CustomerMessage message) {
    return record(topic, key, platform.serialize(topic, message));
  }
}
