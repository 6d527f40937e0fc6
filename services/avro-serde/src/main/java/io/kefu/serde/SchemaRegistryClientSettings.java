package io.kefu.serde;

import static io.kefu.serde.KefuAvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static io.kefu.serde.KefuAvroSerdeConfig.BASIC_AUTH_USER_INFO;
import static io.kefu.serde.KefuAvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS;
import static io.kefu.serde.KefuAvroSerdeConfig.HTTP_READ_TIMEOUT_MS;
import static io.kefu.serde.KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL;
import static io.kefu.serde.KefuAvroSerdeConfig.SSL_TRUSTSTORE_LOCATION;
import static io.kefu.serde.KefuAvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD;
import static io.kefu.serde.KefuAvroSerdeConfig.SSL_TRUSTSTORE_TYPE;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How {@link RestSchemaRegistryClient} reaches a registry: base URLs (tried in turn), optional basic-auth user info,
 * optional trust store, and timeouts.
 *
 * @param baseUrls registry base URLs without user info or trailing slash, at least one
 * @param basicAuthUserInfo {@code user:password} sent as HTTP basic auth, if any
 * @param trustStore trust store for https URLs, if any (otherwise the JVM's default trust)
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for each response
 */
public record SchemaRegistryClientSettings(
    List<URI> baseUrls,
    Optional<String> basicAuthUserInfo,
    Optional<TrustStore> trustStore,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Default TCP connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default response timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** A trust store file for https registry URLs. */
  public record TrustStore(String location, String password, String type) {
    public TrustStore {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "TrustStore[location=" + location + ", type=" + type + "]";
    }
  }

  public SchemaRegistryClientSettings {
    baseUrls = List.copyOf(baseUrls);
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one schema registry URL is needed");
    }
    Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
    Objects.requireNonNull(trustStore, "trustStore");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** Settings for comma-separated {@code urls} with default timeouts, no trust store, auth from URL user info. */
  public static SchemaRegistryClientSettings forUrls(String urls) {
    return fromConfig(Map.of(SCHEMA_REGISTRY_URL, urls));
  }

  /**
   * Reads the settings from a Kafka-style config map (keys in {@link KefuAvroSerdeConfig}).
   *
   * @throws ConfigException naming the key when a value is missing or malformed
   */
  public static SchemaRegistryClientSettings fromConfig(Map<String, ?> configs) {
    String urlList = KefuAvroSerdeConfig.stringValue(configs, SCHEMA_REGISTRY_URL);
    if (urlList == null) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, configs.get(SCHEMA_REGISTRY_URL),
          "must be one or more comma-separated http(s) URLs of a schema registry");
    }
    List<URI> withUserInfo = parseUrls(urlList);
    List<URI> baseUrls = withUserInfo.stream().map(SchemaRegistryClientSettings::withoutUserInfo).toList();
    Optional<String> userInfo = basicAuthUserInfo(configs, withUserInfo);
    Optional<TrustStore> trustStore = Optional.ofNullable(KefuAvroSerdeConfig.stringValue(configs,
            SSL_TRUSTSTORE_LOCATION))
        .map(location -> new TrustStore(location,
            KefuAvroSerdeConfig.stringValue(configs, SSL_TRUSTSTORE_PASSWORD),
            Optional.ofNullable(KefuAvroSerdeConfig.stringValue(configs, SSL_TRUSTSTORE_TYPE)).orElse("JKS")));
    Duration connect = Duration.ofMillis(KefuAvroSerdeConfig.positiveLong(configs, HTTP_CONNECT_TIMEOUT_MS,
        DEFAULT_CONNECT_TIMEOUT.toMillis()));
    Duration request = Duration.ofMillis(KefuAvroSerdeConfig.positiveLong(configs, HTTP_READ_TIMEOUT_MS,
        DEFAULT_REQUEST_TIMEOUT.toMillis()));
    return new SchemaRegistryClientSettings(baseUrls, userInfo, trustStore, connect, request);
  }

  @Override
  public String toString() {
    return "SchemaRegistryClientSettings[baseUrls=" + baseUrls + ", basicAuth="
        + basicAuthUserInfo.map(info -> info.substring(0, info.indexOf(':')) + ":***").orElse("none")
        + ", trustStore=" + trustStore + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + "]";
  }

  private static List<URI> parseUrls(String urlList) {
    List<URI> urls = new ArrayList<>();
    for (String part : urlList.split(",")) {
      String text = part.trim();
      if (text.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, urlList, "'" + text + "' is not a URL: " + e.getMessage());
      }
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, urlList,
            "'" + text + "' must be an http:// or https:// URL with a host");
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, urlList, "holds no URL");
    }
    return urls;
  }

  private static URI withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path);
  }

  private static Optional<String> basicAuthUserInfo(Map<String, ?> configs, List<URI> urls) {
    String source = KefuAvroSerdeConfig.stringValue(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
    if (source == null || source.equalsIgnoreCase("URL")) {
      return urls.stream().map(URI::getRawUserInfo).filter(Objects::nonNull).findFirst()
          .map(info -> URLDecoder.decode(info, StandardCharsets.UTF_8));
    }
    if (!source.equalsIgnoreCase("USER_INFO")) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "must be URL or USER_INFO");
    }
    String userInfo = KefuAvroSerdeConfig.stringValue(configs, BASIC_AUTH_USER_INFO);
    if (userInfo == null || !userInfo.contains(":")) {
      throw new ConfigException(BASIC_AUTH_USER_INFO, userInfo == null ? null : "(hidden)",
          "must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
    }
    return Optional.of(userInfo);
  }
}
