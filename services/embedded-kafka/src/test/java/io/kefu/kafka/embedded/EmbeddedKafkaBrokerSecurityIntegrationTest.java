package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker with SASL_SSL, SCRAM-SHA-512 and the StandardAuthorizer, on a self-signed certificate. */
class EmbeddedKafkaBrokerSecurityIntegrationTest {
  private static final String ADMIN_PASSWORD = "admin-secret";

  @TempDir
  static Path storeDirectory;
  private static SelfSignedStores stores;

  @TempDir
  Path dataDirectory;

  @BeforeAll
  static void createStores() throws Exception {
    stores = SelfSignedStores.create(storeDirectory);
  }

  @Test
  void shouldAuthenticateListedUsersAndAuthorizeOnlyWhatAnAclAllows() throws Exception {
    // Given a secured broker with the user alice and a topic the admin created
    BrokerSecurity security = stores.security(ADMIN_PASSWORD).optUser("alice", "alice-secret").build();
    try (EmbeddedKafkaBroker broker = newBroker(security)) {
      broker.start();
      TestClients.createTopic(broker, "orders", 1);

      // When alice writes without an ACL, then she is authenticated but refused the topic
      assertThat(send(broker.clientProperties("alice"), "orders"))
          .isInstanceOf(TopicAuthorizationException.class);

      // When the admin allows alice to write the topic, then her record is acknowledged
      try (Admin admin = Admin.create(broker.clientProperties())) {
        admin.createAcls(List.of(new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.LITERAL),
            new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
            .all().get(30, TimeUnit.SECONDS);
      }
      assertThat(send(broker.clientProperties("alice"), "orders")).isNull();

      // When a client gives alice's name with a wrong password, then authentication fails
      Map<String, Object> wrong = broker.clientProperties("alice");
      wrong.put("sasl.jaas.config", BrokerSecurity.scramJaasConfig("alice", "guess"));
      assertThat(describeCluster(wrong)).isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void shouldAddUsersAndApplyChangedPasswordsWhenRestartedOnAFormattedDirectory() throws Exception {
    // Given a broker formatted with alice only, then stopped
    try (EmbeddedKafkaBroker first = newBroker(stores.security(ADMIN_PASSWORD).optUser("alice", "old").build())) {
      first.start();
    }

    // When it restarts on the same directory with alice's new password and a new user bob
    BrokerSecurity changed = stores.security(ADMIN_PASSWORD).optUser("alice", "new").optUser("bob", "bob-secret")
        .build();
    try (EmbeddedKafkaBroker restarted = newBroker(changed)) {
      restarted.start();

      // Then bob and alice with her new password authenticate, and her old password no longer does
      assertThat(describeCluster(restarted.clientProperties("bob"))).isNull();
      assertThat(describeCluster(restarted.clientProperties("alice"))).isNull();
      Map<String, Object> old = restarted.clientProperties("alice");
      old.put("sasl.jaas.config", BrokerSecurity.scramJaasConfig("alice", "old"));
      assertThat(describeCluster(old)).isInstanceOf(SaslAuthenticationException.class);
    }
  }

  private EmbeddedKafkaBroker newBroker(BrokerSecurity security) {
    return EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).optSecurity(security).build();
  }

  /** Sends one record and returns why it failed, or null when it was acknowledged. */
  private static Throwable send(Map<String, Object> clientProperties, String topic) throws InterruptedException {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
      assertThat(metadata.topic()).isEqualTo(topic);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the broker neither acknowledged nor refused the record within 30 s", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      return e;
    }
  }

  /** Describes the cluster and returns why it failed, or null when the broker answered. */
  private static Throwable describeCluster(Map<String, Object> clientProperties) throws Exception {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    try (Admin admin = Admin.create(config)) {
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
