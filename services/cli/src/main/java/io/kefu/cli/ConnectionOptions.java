package io.kefu.cli;

import io.kefu.kafka.config.CoreSettings;
import io.kefu.kafka.config.KefuConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every service command shares: a config file, the Kafka and registry addresses, and free settings. */
public final class ConnectionOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Properties file with settings (see docs/configuration.md); environment KEFU_* and flags override it.")
  Path configFile;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
      description = "Kafka bootstrap servers (setting bootstrap.servers; default localhost:9092).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      description = "Schema registry URL (setting schema.registry.url; default http://localhost:8081).")
  String schemaRegistryUrl;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Local state directory (setting data.dir; default ./data).")
  Path dataDir;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. --set reply.batch.max=64 or --set kafka.security.protocol=SASL_SSL. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Resolves the settings: defaults, then the file, then KEFU_* environment variables, then these flags. */
  public KefuConfig load() {
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put(CoreSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      overrides.put(CoreSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }
    if (dataDir != null) {
      overrides.put(CoreSettings.DATA_DIR, dataDir.toString());
    }
    return KefuConfig.load(configFile, overrides);
  }
}
