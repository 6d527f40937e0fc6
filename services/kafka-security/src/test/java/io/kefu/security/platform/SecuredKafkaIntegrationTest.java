package io.kefu.security.platform;

import static io.kefu.security.acl.KefuService.DASHBOARD;
import static io.kefu.security.acl.KefuService.FEEDBACK_STREAM;
import static io.kefu.security.acl.KefuService.REPLY_SERVICE;
import static io.kefu.security.acl.KefuService.SIMULATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.AgentReply;
import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Feedback;
import io.kefu.contract.Locale;
import io.kefu.contract.ModelStatus;
import io.kefu.contract.ModelVersion;
import io.kefu.contract.TrainingExample;
import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.BrokerSecurity;
import io.kefu.kafka.topic.Topic;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.security.acl.AclInstaller;
import io.kefu.security.acl.ServiceGroups;
import io.kefu.serde.SchemaRegistryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kefu against Kafka locked down as in production: SASL_SSL with SCRAM-SHA-512, TLS from a local CA, the
 * StandardAuthorizer with each service's least-privilege ACLs, and the schema registry with basic auth over https.
 * Every service client is made only from the service's {@link KefuConfig}, i.e. from {@code kafka.*} and
 * {@code schema.registry.*} settings as an operator writes them.
 */
class SecuredKafkaIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  static Path directory;
  private static SecuredPlatform platform;

  @BeforeAll
  static void startSecuredPlatform() {
    platform = SecuredPlatform.builder().setDirectory(directory).start();
  }

  @AfterAll
  static void stopSecuredPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void shouldConfigureEachServiceWithStandardKafkaAndRegistrySettingsOnly() {
    Map<String, String> settings = platform.settings(REPLY_SERVICE);

    assertThat(settings.keySet()).containsExactly("bootstrap.servers", "kafka.sasl.jaas.config",
        "kafka.sasl.mechanism", "kafka.security.protocol", "kafka.ssl.truststore.location",
        "kafka.ssl.truststore.password", "kafka.ssl.truststore.type", "schema.registry.basic.auth.user.info",
        "schema.registry.ssl.truststore.location", "schema.registry.ssl.truststore.password",
        "schema.registry.ssl.truststore.type", "schema.registry.url", "topic.create", "topic.prefix");
    assertThat(settings)
        .containsEntry("bootstrap.servers", platform.broker().bootstrapServers())
        .containsEntry("kafka.security.protocol", "SASL_SSL")
        .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("kafka.ssl.truststore.type", "PKCS12")
        .containsEntry("topic.create", "false");
    assertThat(settings.get("kafka.sasl.jaas.config"))
        .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"reply-service\"");
    // The resolved configuration never prints the secrets
    String printed = platform.config(REPLY_SERVICE).toString();
    assertThat(printed).contains("kafka.sasl.jaas.config=****", "kafka.ssl.truststore.password=****",
        "schema.registry.basic.auth.user.info=****").doesNotContain(settings.get("kafka.ssl.truststore.password"));
  }

  @Test
  void shouldLetTheSimulatorProduceACustomerMessageWhoseSchemaItRegistersOverTls() throws Exception {
    // Given the simulator configured only by its settings
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
        KafkaProducer<String, CustomerMessage> producer =
            simulator.producer(simulator.topics().customerMessages(), Map.of())) {

      // When it sends a customer message
      RecordMetadata sent = producer.send(new ProducerRecord<>(simulator.topics().customerMessages().name(),
          "conversation-a", message("message-a", "conversation-a", "Where is my order?")))
          .get(30, TimeUnit.SECONDS);

      // Then Kafka acknowledged it and the registry holds the value schema it registered as the simulator
      assertThat(sent.topic()).isEqualTo("customer-messages");
      assertThat(sent.offset()).isGreaterThanOrEqualTo(0);
      assertThat(simulator.registry().subjects()).contains("customer-messages-value");
    }
  }

  @Test
  void shouldLetTheReplyServiceAnswerInTransactionsUnderItsOwnGroupAndTransactionalIds() throws Exception {
    // Given three customer messages sent by the simulator
    Set<String> ours = Set.of("message-1", "message-2", "message-3");
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
        KafkaProducer<String, CustomerMessage> producer =
            simulator.producer(simulator.topics().customerMessages(), Map.of())) {
      for (String id : ours.stream().sorted().toList()) {
        String conversation = "conversation-" + id.substring(id.indexOf('-') + 1);
        producer.send(new ProducerRecord<>(simulator.topics().customerMessages().name(), conversation,
            message(id, conversation, "Hello " + id))).get(30, TimeUnit.SECONDS);
      }
    }

    // When the reply service consumes, answers and commits its offsets in one transaction per poll
    List<String> answered = new ArrayList<>();
    try (ServiceClients reply = new ServiceClients(platform.config(REPLY_SERVICE))) {
      Topic<String, CustomerMessage> in = reply.topics().customerMessages();
      Topic<String, AgentReply> out = reply.topics().agentReplies();
      try (KafkaConsumer<String, CustomerMessage> consumer = reply.consumer(in,
              Map.of("group.id", "kefu-reply-service", "isolation.level", "read_committed"));
          KafkaProducer<String, AgentReply> producer = reply.producer(out,
              Map.of("transactional.id", "kefu-reply-service-secured-it"))) {
        producer.initTransactions();
        consumer.subscribe(List.of(in.name()));
        await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
          ConsumerRecords<String, CustomerMessage> records = consumer.poll(Duration.ofMillis(200));
          if (!records.isEmpty()) {
            producer.beginTransaction();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, CustomerMessage> record : records) {
              producer.send(new ProducerRecord<>(out.name(), record.key(), replyTo(record.value())));
              answered.add(record.value().getMessageId());
              offsets.put(new TopicPartition(record.topic(), record.partition()),
                  new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
          }
          return answered.containsAll(ours) && caughtUp(consumer);
        });
      }
    }

    // Then the simulator reads exactly one committed reply to each of the three messages
    Map<String, Integer> replies = new HashMap<>();
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
        KafkaConsumer<String, AgentReply> consumer = simulator.consumer(simulator.topics().agentReplies(),
            Map.of("group.id", "kefu-simulator-replies", "isolation.level", "read_committed"))) {
      consumer.subscribe(List.of(simulator.topics().agentReplies().name()));
      await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> replies.merge(r.value().getInReplyTo(), 1, Integer::sum));
        return replies.keySet().containsAll(ours) && caughtUp(consumer);
      });
    }
    assertThat(ours).allSatisfy(id -> assertThat(replies).containsEntry(id, 1));

    // And the dashboard, which may only describe the reply service's group, sees it with no lag
    try (ServiceClients dashboard = new ServiceClients(platform.config(DASHBOARD));
        Admin admin = dashboard.admin(Map.of())) {
      String topic = dashboard.topics().customerMessages().name();
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kefu-reply-service")
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int partition = 0; partition < dashboard.topics().customerMessages().spec().partitions(); partition++) {
        latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
      }
      long lag = 0;
      for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      assertThat(committed).isNotEmpty();
      assertThat(lag).isZero();
    }
  }

  @Test
  void shouldLetTheFeedbackStreamRunExactlyOnceWithInternalTopicsUnderItsApplicationId() throws Exception {
    // Given a Kafka Streams application with a repartition and a changelog topic, run as the feedback stream
    KefuConfig config = platform.config(FEEDBACK_STREAM);
    String applicationId = ServiceGroups.defaults(config.get(CoreSettings.TOPIC_PREFIX)).feedbackApplicationId();
    String feedback = platform.catalogue().name(TopicNames.FEEDBACK);
    String opsMetrics = platform.catalogue().name(TopicNames.OPS_METRICS);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(feedback, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .groupBy((replyId, rating) -> "all-ratings", Grouped.with("by-everything", Serdes.String(), Serdes.ByteArray()))
        .count(Materialized.as("rating-counts"))
        .toStream()
        .to(opsMetrics, Produced.with(Serdes.String(), Serdes.Long()));
    Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, directory.resolve("streams").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    List<Throwable> failures = new ArrayList<>();
    try (KafkaStreams streams = new KafkaStreams(builder.build(), new StreamsConfig(props))) {
      streams.setUncaughtExceptionHandler(e -> {
        failures.add(e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      });
      streams.start();
      await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING || !failures.isEmpty());
      assertThat(failures).isEmpty();

      // When the simulator sends three ratings
      try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
          KafkaProducer<String, Feedback> producer = simulator.producer(simulator.topics().feedback(), Map.of())) {
        for (int i = 1; i <= 3; i++) {
          producer.send(new ProducerRecord<>(feedback, "reply-" + i, rating("reply-" + i, i + 2)))
              .get(30, TimeUnit.SECONDS);
        }
      }

      // Then the dashboard reads the committed count of 3 from ops-metrics
      Map<String, Object> dashboard = new HashMap<>(platform.config(DASHBOARD).kafkaClientProperties());
      dashboard.put("group.id", "kefu-dashboard-ratings");
      dashboard.put("isolation.level", "read_committed");
      dashboard.put("auto.offset.reset", "earliest");
      Map<String, Long> counts = new HashMap<>();
      try (KafkaConsumer<String, Long> consumer =
          new KafkaConsumer<>(dashboard, new StringDeserializer(), new LongDeserializer())) {
        consumer.subscribe(List.of(opsMetrics));
        await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.put(r.key(), r.value()));
          return Long.valueOf(3).equals(counts.get("all-ratings")) || !failures.isEmpty();
        });
      }
      assertThat(failures).isEmpty();
      assertThat(counts).containsEntry("all-ratings", 3L);
    }

    // And the application created its repartition and changelog topics under its own prefix
    try (Admin admin = Admin.create(platform.broker().clientProperties())) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .contains(applicationId + "-by-everything-repartition", applicationId + "-rating-counts-changelog");
    }
  }

  @Test
  void shouldRefuseTheSimulatorTopicsGroupsAndTransactionalIdsOfOtherServices() throws Exception {
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR))) {
      // When it reads training examples, then the topic is refused
      Topic<String, TrainingExample> trainingExamples = simulator.topics().trainingExamples();
      try (KafkaConsumer<String, TrainingExample> consumer =
          simulator.consumer(trainingExamples, Map.of("group.id", "kefu-simulator-probe"))) {
        consumer.subscribe(List.of(trainingExamples.name()));
        assertThat(firstPollFailure(consumer)).isInstanceOfSatisfying(TopicAuthorizationException.class,
            e -> assertThat(e.unauthorizedTopics()).containsExactly("training-examples"));
      }

      // When it writes a model version, then the topic is refused
      Topic<String, ModelVersion> modelVersions = simulator.topics().modelVersions();
      try (KafkaProducer<String, ModelVersion> producer = simulator.producer(modelVersions, Map.of())) {
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(modelVersions.name(), "kefu", forgedVersion()))
            .get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOfSatisfying(TopicAuthorizationException.class,
                e -> assertThat(e.unauthorizedTopics()).containsExactly("model-versions"));
      }

      // When it joins the reply service's group on a topic it may read, then the group is refused
      Topic<String, AgentReply> agentReplies = simulator.topics().agentReplies();
      try (KafkaConsumer<String, AgentReply> consumer =
          simulator.consumer(agentReplies, Map.of("group.id", "kefu-reply-service"))) {
        consumer.subscribe(List.of(agentReplies.name()));
        assertThat(firstPollFailure(consumer)).isInstanceOfSatisfying(GroupAuthorizationException.class,
            e -> assertThat(e.groupId()).isEqualTo("kefu-reply-service"));
      }

      // When it takes a transactional id of the reply service, then the id is refused
      Topic<String, CustomerMessage> customerMessages = simulator.topics().customerMessages();
      try (KafkaProducer<String, CustomerMessage> producer = simulator.producer(customerMessages,
          Map.of("transactional.id", "kefu-reply-service-stolen", "max.block.ms", 30_000))) {
        assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
      }
    }
  }

  @Test
  void shouldRefuseAClientWithAWrongPassword() {
    // Given the simulator's settings with another password in its JAAS line
    Map<String, String> settings = new HashMap<>(platform.settings(SIMULATOR));
    settings.put("kafka.sasl.jaas.config", BrokerSecurity.scramJaasConfig("simulator", "not-the-password"));

    // Then the broker refuses to authenticate it
    assertThat(describeClusterFailure(SecuredPlatform.load(settings)))
        .isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("invalid credentials with SASL mechanism SCRAM-SHA-512");
  }

  @Test
  void shouldRefuseAPlaintextClientAndOneThatDoesNotTrustTheBrokersCa() {
    // Given a client speaking PLAINTEXT to the SASL_SSL listener: the broker's TLS drops it, so it never gets an
    // answer
    Map<String, String> plaintext = new HashMap<>(platform.settings(SIMULATOR));
    plaintext.put("kafka.security.protocol", "PLAINTEXT");
    plaintext.put("kafka.request.timeout.ms", "3000");
    plaintext.put("kafka.default.api.timeout.ms", "5000");
    assertThat(describeClusterFailure(SecuredPlatform.load(plaintext))).isInstanceOf(TimeoutException.class);

    // Given a SASL_SSL client with the JVM's default trust, which does not include the local CA
    Map<String, String> untrusting = new HashMap<>(platform.settings(SIMULATOR));
    untrusting.keySet().removeIf(key -> key.startsWith("kafka.ssl.truststore."));
    assertThat(describeClusterFailure(SecuredPlatform.load(untrusting)))
        .isInstanceOf(SslAuthenticationException.class);
  }

  @Test
  void shouldServeTheRegistryOnlyOverHttpsAndOnlyToItsUsers() {
    String url = platform.registry().url();
    assertThat(url).startsWith("https://127.0.0.1:");

    // Given a client with user and trust store: served
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR))) {
      assertThat(simulator.registry().subjects()).doesNotContainNull();
    }

    // Given no credentials or a wrong password: 401
    Map<String, String> anonymous = new HashMap<>(platform.settings(SIMULATOR));
    anonymous.remove("schema.registry.basic.auth.user.info");
    assertThat(registryFailure(anonymous)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(401));
    Map<String, String> wrong = new HashMap<>(platform.settings(SIMULATOR));
    wrong.put("schema.registry.basic.auth.user.info", "simulator:not-the-password");
    assertThat(registryFailure(wrong)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(401));

    // Given no trust store: the TLS handshake fails
    Map<String, String> untrusting = new HashMap<>(platform.settings(SIMULATOR));
    untrusting.keySet().removeIf(key -> key.startsWith("schema.registry.ssl.truststore."));
    assertThat(registryFailure(untrusting)).isInstanceOf(SchemaRegistryException.class)
        .cause().isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void shouldApplyTheAclPlanIdempotentlyAndReportAclsOutsideIt() {
    // Given the plan applied at start
    int planned = platform.aclPlan().bindings().size();
    assertThat(platform.acls().created()).hasSize(planned);

    try (Admin admin = Admin.create(platform.broker().clientProperties())) {
      // When it is applied again, then nothing is created
      AclInstaller.Outcome again = platform.aclPlan().apply(admin);
      assertThat(again.created()).isEmpty();
      assertThat(again.present()).hasSize(planned);
      assertThat(again.unplanned()).isEmpty();

      // When the simulator holds an ACL outside the plan, then applying reports it and leaves it in place
      AclBinding stray = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "stray", PatternType.LITERAL),
          new AccessControlEntry(SIMULATOR.defaultPrincipal(), "*", AclOperation.DESCRIBE,
              AclPermissionType.ALLOW));
      admin.createAcls(List.of(stray)).all().get(30, TimeUnit.SECONDS);
      // The controller has it; the broker's authorizer learns it from the metadata log a moment later.
      awaitVisible(admin, stray, true);
      AclInstaller.Outcome withStray = platform.aclPlan().apply(admin);
      assertThat(withStray.created()).isEmpty();
      assertThat(withStray.unplanned()).containsExactly(stray);
      admin.deleteAcls(List.of(stray.toFilter())).all().get(30, TimeUnit.SECONDS);
      awaitVisible(admin, stray, false); // gone for the other tests on this broker too
    } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("admin request failed", e);
    }
  }

  @Test
  void shouldKeepUsersAndAclsWhenTheBrokerRestarts() throws Exception {
    // Given the broker stopped and started again on its data directory
    platform.broker().stop();
    platform.broker().start();

    // Then the simulator, configured as before, still authenticates and may still write customer messages
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
        KafkaProducer<String, CustomerMessage> producer =
            simulator.producer(simulator.topics().customerMessages(), Map.of())) {
      RecordMetadata sent = producer.send(new ProducerRecord<>(simulator.topics().customerMessages().name(),
          "conversation-r", message("message-r", "conversation-r", "Still there?"))).get(30, TimeUnit.SECONDS);
      assertThat(sent.topic()).isEqualTo("customer-messages");
    }
    // And it is still refused what it was refused before
    try (ServiceClients simulator = new ServiceClients(platform.config(SIMULATOR));
        KafkaProducer<String, ModelVersion> producer =
            simulator.producer(simulator.topics().modelVersions(), Map.of())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(simulator.topics().modelVersions().name(), "kefu",
          forgedVersion())).get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(TopicAuthorizationException.class);
    }
  }

  private static CustomerMessage message(String messageId, String conversationId, String text) {
    return CustomerMessage.newBuilder().setMessageId(messageId).setConversationId(conversationId).setText(text)
        .setLocale(Locale.EN).setChannel(Channel.SIMULATOR).setSentAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .build();
  }

  private static AgentReply replyTo(CustomerMessage message) {
    return AgentReply.newBuilder().setReplyId("reply-" + message.getMessageId())
        .setConversationId(message.getConversationId()).setInReplyTo(message.getMessageId())
        .setText("Thanks, let me check.").setLocale(message.getLocale()).setModelVersion("secured-it")
        .setCreatedAt(Instant.ofEpochMilli(1_700_000_001_000L)).build();
  }

  private static Feedback rating(String replyId, int stars) {
    return Feedback.newBuilder().setFeedbackId("feedback-" + replyId).setReplyId(replyId)
        .setConversationId("conversation-" + replyId).setRating(stars)
        .setRatedAt(Instant.ofEpochMilli(1_700_000_002_000L)).build();
  }

  private static ModelVersion forgedVersion() {
    return ModelVersion.newBuilder().setModelName("kefu").setVersion("forged").setStatus(ModelStatus.ACTIVE)
        .setArtifactUri("file:///tmp/forged").setManifestSha256("0".repeat(64))
        .setChangedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
  }

  /** True once the consumer has partitions and its position is at the end of each. */
  private static boolean caughtUp(KafkaConsumer<String, ?> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    return assigned.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
  }

  /** Polls until a poll fails and returns the failure. */
  private static KafkaException firstPollFailure(KafkaConsumer<String, ?> consumer) {
    return await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
      try {
        consumer.poll(Duration.ofMillis(200));
        return null;
      } catch (KafkaException e) {
        return e;
      }
    }, Objects::nonNull);
  }

  /** Why describing the cluster with {@code config}'s Kafka settings failed; fails the test if it succeeded. */
  private static Throwable describeClusterFailure(KefuConfig config) {
    try (Admin admin = Admin.create(config.kafkaClientProperties())) {
      admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
      throw new AssertionError("the broker answered a client that it should have refused");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the admin client neither succeeded nor failed within 30 s", e);
    }
  }

  /** Why listing subjects with {@code settings}' registry settings failed; fails the test if it succeeded. */
  private static Throwable registryFailure(Map<String, String> settings) {
    try (ServiceClients client = new ServiceClients(SecuredPlatform.load(settings))) {
      List<String> subjects = client.registry().subjects();
      throw new AssertionError("the registry listed " + subjects + " to a client it should have refused");
    } catch (SchemaRegistryException e) {
      return e;
    }
  }

  private static void awaitVisible(Admin admin, AclBinding binding, boolean visible) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(
        () -> admin.describeAcls(binding.toFilter()).values().get(30, TimeUnit.SECONDS).contains(binding) == visible);
  }
}
