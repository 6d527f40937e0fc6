package io.kefu.kafka.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Upserts SCRAM users on a running broker as its admin, and waits until the broker serves them, for starts on a
 * data directory formatted earlier (whose metadata log may lack users added since or hold older passwords).
 */
final class ScramUsers {
  /** Kafka's default and the minimum for SCRAM-SHA-512. */
  static final int ITERATIONS = 4096;
  private static final long POLL_INTERVAL_MS = 50;

  private ScramUsers() {}

  /**
   * Sets every user's password and blocks until a describe of the users lists them all.
   *
   * @param adminProperties client settings of the admin, {@code bootstrap.servers} included
   * @throws EmbeddedKafkaException when the broker refuses or does not answer within {@code timeout}
   */
  static void upsert(Map<String, Object> adminProperties, Map<String, String> passwords, Duration timeout) {
    if (passwords.isEmpty()) {
      return;
    }
    long timeoutMs = timeout.toMillis();
    Map<String, Object> config = new HashMap<>(adminProperties);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kefu-embedded-kafka-scram-users");
    int apiTimeoutMs = (int) Math.min(Integer.MAX_VALUE, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(apiTimeoutMs, 5_000));
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(
        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    try (Admin admin = Admin.create(config)) {
      admin.alterUserScramCredentials(upserts).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      // The controller has committed the credentials; the broker authenticates with them once it applied them.
      Set<String> wanted = passwords.keySet();
      while (!admin.describeUserScramCredentials(List.copyOf(wanted)).users()
          .get(timeoutMs, TimeUnit.MILLISECONDS).containsAll(wanted)) {
        if (System.nanoTime() > deadline) {
          throw new EmbeddedKafkaException("broker did not serve the SCRAM users " + wanted + " within " + timeout);
        }
        Thread.sleep(POLL_INTERVAL_MS);
      }
    } catch (ExecutionException e) {
      throw new EmbeddedKafkaException("cannot upsert SCRAM users " + passwords.keySet() + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new EmbeddedKafkaException("broker did not upsert SCRAM users " + passwords.keySet() + " within "
          + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("interrupted while upserting SCRAM users " + passwords.keySet(), e);
    }
  }
}
