package io.kefu.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one registry request with the v1 content type, basic auth and failover over the base URLs, and turns
 * Confluent error bodies into {@link SchemaRegistryException}.
 */
final class RegistryHttp {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final SchemaRegistryClientSettings settings;
  private final ObjectMapper json;
  private final HttpClient http;
  private final Optional<String> authorization;
  /** Index of the base URL that answered last; requests start there, as Confluent's client does. */
  private final AtomicInteger current = new AtomicInteger();

  RegistryHttp(SchemaRegistryClientSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout());
    settings.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
    this.http = builder.build();
    this.authorization = settings.basicAuthUserInfo().map(info ->
        "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends {@code method pathAndQuery} with an optional JSON body and returns the parsed 200 body (null node for 204). */
  JsonNode send(String method, String pathAndQuery, JsonNode body) {
    byte[] bodyBytes = body == null ? null : toBytes(body);
    List<URI> urls = settings.baseUrls();
    int start = current.get();
    IOException lastFailure = null;
    for (int attempt = 0; attempt < urls.size(); attempt++) {
      int index = (start + attempt) % urls.size();
      URI uri = URI.create(urls.get(index) + pathAndQuery);
      try {
        HttpResponse<byte[]> response = http.send(request(method, uri, bodyBytes),
            HttpResponse.BodyHandlers.ofByteArray());
        current.set(index);
        return parse(method, uri, response);
      } catch (IOException e) {
        LOG.warn("Schema registry request {} {} failed ({}); {} URL(s) left to try", method, uri, e,
            urls.size() - attempt - 1);
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("interrupted while waiting for " + method + " " + uri, e);
      }
    }
    throw new SchemaRegistryException("schema registry request " + method + " " + pathAndQuery
        + " failed on every URL " + urls + ": " + lastFailure, lastFailure);
  }

  private HttpRequest request(String method, URI uri, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Accept", CONTENT_TYPE);
    authorization.ifPresent(value -> builder.header("Authorization", value));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return builder.build();
  }

  private JsonNode parse(String method, URI uri, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body();
    if (status == 200 || status == 204) {
      if (body.length == 0) {
        return NullNode.getInstance();
      }
      try {
        return json.readTree(body);
      } catch (IOException e) {
        throw new SchemaRegistryException(status, SchemaRegistryException.INTERNAL_ERROR, method + " " + uri
            + " answered a body that is not JSON: " + excerpt(body));
      }
    }
    throw errorFrom(method, uri, status, body);
  }

  private SchemaRegistryException errorFrom(String method, URI uri, int status, byte[] body) {
    JsonNode error = null;
    try {
      error = body.length == 0 ? null : json.readTree(body);
    } catch (IOException e) {
      LOG.debug("Error body of {} {} is not JSON", method, uri, e);
    }
    if (error != null && error.hasNonNull("error_code")) {
      String message = error.path("message").asText("");
      return new SchemaRegistryException(status, error.get("error_code").asInt(), message);
    }
    // Not a registry error body (e.g. a proxy's page): keep the HTTP status as the code.
    return new SchemaRegistryException(status, status, method + " " + uri + " answered HTTP " + status
        + " without a registry error body: " + excerpt(body));
  }

  private byte[] toBytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write request body " + body, e);
    }
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  private static SSLContext sslContext(SchemaRegistryClientSettings.TrustStore store) {
    try (InputStream in = new FileInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(KefuAvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, store.location(),
          "cannot load " + store.type() + " trust store: " + e.getMessage());
    }
  }
}
