package io.kefu.kafka.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Immutable settings resolved from, in increasing priority, the declared defaults, a properties file, {@code KEFU_*}
 * environment variables and explicit overrides (command-line flags); a key no module declares is rejected.
 *
 * <p>Keys under {@code kafka.} pass through to every Kafka client and keys under {@code schema.registry.} to the
 * registry client, so standard security settings need no declaration.
 */
public final class KefuConfig {
  public static final String ENV_PREFIX = "KEFU_";

  private final Map<String, String> values;
  private final Map<String, String> origins;
  private final Map<String, Setting> known;

  private KefuConfig(Map<String, String> values, Map<String, String> origins, Map<String, Setting> known) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
    this.known = known;
  }

  /** Every setting declared by the modules on the classpath, by key. */
  public static Map<String, Setting> declaredSettings() {
    Map<String, Setting> all = new TreeMap<>();
    for (SettingsProvider provider : ServiceLoader.load(SettingsProvider.class)) {
      for (Setting setting : provider.settings()) {
        Setting previous = all.putIfAbsent(setting.key(), setting);
        if (previous != null && !previous.equals(setting)) {
          throw new IllegalStateException("setting '" + setting.key() + "' is declared twice with different meanings");
        }
      }
    }
    return all;
  }

  /** The declared settings grouped by provider, in declaration order, for the configuration reference. */
  public static Map<String, List<Setting>> declaredSettingsByGroup() {
    Map<String, List<Setting>> groups = new TreeMap<>();
    for (SettingsProvider provider : ServiceLoader.load(SettingsProvider.class)) {
      groups.computeIfAbsent(provider.group(), g -> new ArrayList<>()).addAll(provider.settings());
    }
    return groups;
  }

  /** Resolves settings from the process environment, an optional file and overrides. */
  public static KefuConfig load(Path file, Map<String, String> overrides) {
    return load(declaredSettings(), file, System.getenv(), overrides);
  }

  /** Resolves settings from the given sources; visible for tests, which pass their own environment. */
  public static KefuConfig load(
      Map<String, Setting> known, Path file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Setting setting : known.values()) {
      if (setting.defaultValue() != null) {
        values.put(setting.key(), setting.defaultValue());
        origins.put(setting.key(), "default");
      }
    }
    if (file != null) {
      Properties properties = readProperties(file);
      for (String key : properties.stringPropertyNames()) {
        put(known, values, origins, key, properties.getProperty(key).trim(), "file " + file);
      }
    }
    Map<String, String> envKeys = new TreeMap<>();
    for (Setting setting : known.values()) {
      envKeys.put(setting.environmentVariable(), setting.key());
    }
    for (Map.Entry<String, String> env : new TreeMap<>(environment).entrySet()) {
      String name = env.getKey();
      if (!name.startsWith(ENV_PREFIX)) {
        continue;
      }
      String key = envKeys.get(name);
      if (key == null) {
        key = passthroughKeyFromEnvironment(name);
      }
      if (key == null) {
        throw new ConfigException("unknown environment variable " + name
            + ": no Kefu setting is named so (see docs/configuration.md)");
      }
      put(known, values, origins, key, env.getValue(), "environment " + name);
    }
    if (overrides != null) {
      for (Map.Entry<String, String> override : overrides.entrySet()) {
        if (override.getValue() != null) {
          put(known, values, origins, override.getKey(), override.getValue(), "command line");
        }
      }
    }
    return new KefuConfig(values, origins, known);
  }

  private static String passthroughKeyFromEnvironment(String name) {
    String rest = name.substring(ENV_PREFIX.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    if (rest.startsWith(CoreSettings.KAFKA_PASSTHROUGH_PREFIX)
        || rest.startsWith(CoreSettings.REGISTRY_PASSTHROUGH_PREFIX)) {
      return rest;
    }
    return null;
  }

  private static void put(Map<String, Setting> known, Map<String, String> values, Map<String, String> origins,
      String key, String value, String origin) {
    if (!known.containsKey(key) && !isPassthrough(key)) {
      throw new ConfigException("unknown setting '" + key + "' from " + origin
          + "; known settings are listed in docs/configuration.md");
    }
    values.put(key, value);
    origins.put(key, origin);
  }

  private static boolean isPassthrough(String key) {
    return key.startsWith(CoreSettings.KAFKA_PASSTHROUGH_PREFIX) && key.length() > CoreSettings.KAFKA_PASSTHROUGH_PREFIX.length()
        || key.startsWith(CoreSettings.REGISTRY_PASSTHROUGH_PREFIX) && key.length() > CoreSettings.REGISTRY_PASSTHROUGH_PREFIX.length();
  }

  private static Properties readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return properties;
  }

  /** Returns a copy with more overrides applied on top, with the same validation. */
  public KefuConfig with(Map<String, String> overrides) {
    Map<String, String> newValues = new LinkedHashMap<>(values);
    Map<String, String> newOrigins = new LinkedHashMap<>(origins);
    overrides.forEach((k, v) -> put(known, newValues, newOrigins, k, v, "override"));
    return new KefuConfig(newValues, newOrigins, known);
  }

  /** The value of a required setting. */
  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      if (!known.containsKey(key) && !isPassthrough(key)) {
        throw new ConfigException("setting '" + key + "' is not declared by any module");
      }
      throw new ConfigException("setting '" + key + "' has no value and no default");
    }
    return value;
  }

  /** The value of an optional setting, or null. */
  public String getOrNull(String key) {
    return values.get(key);
  }

  public int getInt(String key) {
    return parse(key, Integer::parseInt, "an integer");
  }

  public long getLong(String key) {
    return parse(key, Long::parseLong, "a whole number");
  }

  public double getDouble(String key) {
    return parse(key, Double::parseDouble, "a number");
  }

  public boolean getBoolean(String key) {
    String value = get(key).trim().toLowerCase(java.util.Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ConfigException("setting '" + key + "' must be true or false, was '" + get(key) + "' (from " + origin(key) + ")");
  }

  /** A duration written as ISO-8601 ({@code PT5M}) or as a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. */
  public Duration getDuration(String key) {
    return parse(key, KefuConfig::parseDuration, "a duration like 30s, 5m, 7d or PT5M");
  }

  /**
   * Parses a duration written as in {@link #getDuration}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms when it is neither
   */
  public static Duration parseDuration(String text) {
    String t = text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw notADuration(t, e);
      }
    }
    var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(t);
    if (!m.matches()) {
      throw notADuration(t, null);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static IllegalArgumentException notADuration(String text, Exception cause) {
    return new IllegalArgumentException("'" + text + "' is not a duration: write one number with a unit (500ms, 30s,"
        + " 5m, 2h, 7d) or ISO-8601 (PT9M15S)", cause);
  }

  private <T> T parse(String key, java.util.function.Function<String, T> parser, String expected) {
    String value = get(key);
    try {
      return parser.apply(value.trim());
    } catch (RuntimeException e) {
      throw new ConfigException("setting '" + key + "' must be " + expected + ", was '" + value + "' (from " + origin(key) + ")", e);
    }
  }

  /** Where the value of {@code key} came from: default, file, environment or command line. */
  public String origin(String key) {
    return origins.getOrDefault(key, "unset");
  }

  /** Every resolved value (passthrough keys included), sorted by key. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Settings for any Kafka client: bootstrap servers plus every {@code kafka.*} key without its prefix. */
  public Map<String, Object> kafkaClientProperties() {
    Map<String, Object> props = new TreeMap<>();
    props.put("bootstrap.servers", get(CoreSettings.BOOTSTRAP_SERVERS));
    values.forEach((k, v) -> {
      if (k.startsWith(CoreSettings.KAFKA_PASSTHROUGH_PREFIX)) {
        props.put(k.substring(CoreSettings.KAFKA_PASSTHROUGH_PREFIX.length()), v);
      }
    });
    return props;
  }

  /** Settings for the schema-registry client and serdes: the URL plus every {@code schema.registry.*} key. */
  public Map<String, Object> schemaRegistryProperties() {
    Map<String, Object> props = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(CoreSettings.REGISTRY_PASSTHROUGH_PREFIX)) {
        props.put(k, v);
      }
    });
    props.put("schema.registry.url", get(CoreSettings.SCHEMA_REGISTRY_URL));
    props.put("auto.register.schemas", get(CoreSettings.SCHEMA_AUTO_REGISTER));
    String userInfo = values.get("schema.registry.basic.auth.user.info");
    if (userInfo != null) {
      props.put("basic.auth.credentials.source", "USER_INFO");
      props.put("basic.auth.user.info", userInfo);
    }
    return props;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(k).append('=').append(isSecret(k) ? "****" : v)
        .append("  # ").append(origins.get(k)).append('\n'));
    return sb.toString();
  }

  /** True for keys whose values must never be printed (passwords, JAAS configs, tokens, keys). */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("token") || k.contains("secret")
        || k.contains("user.info") || k.endsWith(".key");
  }
}
