package io.kefu.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSecurityTest {
  private static final BrokerDataDirectory DIRECTORY = new BrokerDataDirectory(Path.of("/var/lib/kefu/kafka"));

  @TempDir
  Path stores;
  private Path keyStore;
  private Path trustStore;

  @BeforeEach
  void createStoreFiles() throws IOException {
    keyStore = Files.createFile(stores.resolve("broker.p12"));
    trustStore = Files.createFile(stores.resolve("truststore.p12"));
  }

  private BrokerSecurity.Builder security() {
    return BrokerSecurity.builder().setKeyStore(keyStore, "key-pass").setTrustStore(trustStore, "trust-pass")
        .setAdminPassword("admin-secret");
  }

  @Test
  void shouldSecureBothListenersWithTlsAndSaslAndDenyAnythingWithoutAnAcl() {
    // Given a security with the admin alone
    BrokerSecurity security = security().build();

    // When the broker's properties are built with it
    Map<String, String> props = BrokerProperties.build("127.0.0.1", 9092, 41234, DIRECTORY, Map.of(),
        Optional.of(security));

    // Then both listeners speak SASL_SSL, clients with SCRAM-SHA-512, the controller with PLAIN for the admin alone
    assertThat(props)
        .containsEntry("listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:SASL_SSL")
        .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
        .containsEntry("listener.name.client.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\""
                + " password=\"admin-secret\";")
        .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
        .containsEntry("listener.name.controller.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
                + " password=\"admin-secret\" user_admin=\"admin-secret\";");
    // And TLS comes from the two stores, with host name verification
    assertThat(props)
        .containsEntry("ssl.keystore.location", keyStore.toAbsolutePath().toString())
        .containsEntry("ssl.keystore.password", "key-pass")
        .containsEntry("ssl.key.password", "key-pass")
        .containsEntry("ssl.keystore.type", "PKCS12")
        .containsEntry("ssl.truststore.location", trustStore.toAbsolutePath().toString())
        .containsEntry("ssl.truststore.password", "trust-pass")
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry("ssl.endpoint.identification.algorithm", "https");
    // And the StandardAuthorizer lets the admin do anything and nobody else anything without an ACL
    assertThat(props)
        .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("super.users", "User:admin")
        .containsEntry("allow.everyone.if.no.acl.found", "false");
  }

  @Test
  void shouldFormatEveryUserWithScramSha512AdminFirst() {
    BrokerSecurity security = security().optUser("reply-service", "r3ply").optUser("simulator", "s1m").build();

    assertThat(security.users()).containsExactly("admin", "reply-service", "simulator");
    assertThat(security.scramFormatArguments()).containsExactly(
        "SCRAM-SHA-512=[name=admin,password=admin-secret]",
        "SCRAM-SHA-512=[name=reply-service,password=r3ply]",
        "SCRAM-SHA-512=[name=simulator,password=s1m]");
    assertThat(security.nonAdminPasswords()).containsExactly(
        Map.entry("reply-service", "r3ply"), Map.entry("simulator", "s1m"));
  }

  @Test
  void shouldGiveEachUserClientSettingsForSaslSslWithItsOwnCredentials() {
    BrokerSecurity security = security().optUser("simulator", "s1m").build();

    assertThat(security.clientProperties("simulator")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512",
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"simulator\" password=\"s1m\";",
        "ssl.truststore.location", trustStore.toAbsolutePath().toString(),
        "ssl.truststore.password", "trust-pass",
        "ssl.truststore.type", "PKCS12"));
    assertThatThrownBy(() -> security.clientProperties("mallory"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no SCRAM user 'mallory'; users are [admin, simulator]");
  }

  @Test
  void shouldRejectNamesAndPasswordsThatCannotBeWrittenIntoScramArgumentsOrJaas() {
    assertThatThrownBy(() -> security().optUser("reply service", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SCRAM user names are letters, digits, '.', '_' and '-', was 'reply service'");
    assertThatThrownBy(() -> security().optUser("simulator", "a,b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password of SCRAM user 'simulator' must be printable ASCII without space, ',', '\"' or '\\',"
            + " and not empty");
    assertThatThrownBy(() -> security().optUser("simulator", "say \"hi\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("password of SCRAM user 'simulator' must be printable ASCII");
    assertThatThrownBy(() -> security().optUser("admin", "other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'admin' is the broker's own user: set its password with setAdminPassword");
  }

  @Test
  void shouldRequireBothStoresAndTheAdminPassword() {
    assertThatThrownBy(() -> BrokerSecurity.builder().setTrustStore(trustStore, "t").setAdminPassword("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a key store is required: call setKeyStore(path, password)");
    assertThatThrownBy(() -> BrokerSecurity.builder().setKeyStore(keyStore, "k").setTrustStore(trustStore, "t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the admin password is required: call setAdminPassword(password)");
    Path missing = stores.resolve("missing.p12");
    assertThatThrownBy(() -> BrokerSecurity.builder().setKeyStore(missing, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key store " + missing + " does not exist or cannot be read");
  }

  @Test
  void shouldRejectExtraPropertiesThatWouldWeakenOrContradictTheSecurity() {
    EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().setDataDirectory(stores)
        .optSecurity(security().build())
        .optBrokerProperty("allow.everyone.if.no.acl.found", "true");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker properties [allow.everyone.if.no.acl.found] are set by optSecurity(BrokerSecurity);"
            + " drop them from the extra properties or leave security off");
  }
}
