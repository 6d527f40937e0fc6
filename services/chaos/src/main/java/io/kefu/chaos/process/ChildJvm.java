package io.kefu.chaos.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** How every Kefu service child is launched: its JVM options and the settings file it reads. */
public final class ChildJvm {
  private ChildJvm() {}

  /** JVM options of a service child: a small heap, quick start-up, the children's logging, DJL offline. */
  public static List<String> serviceOptions() {
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
        // The model runs in native code; C1 alone starts the JVM faster on busy cores.
        "-XX:TieredStopAtLevel=1",
        "-Dlogback.configurationFile=kefu-chaos-child-logback.xml", "-Dai.djl.offline=true"));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("ai.djl.") && !k.equals("ai.djl.offline")).sorted()
        .forEach(k -> jvm.add("-D" + k + "=" + System.getProperty(k)));
    return jvm;
  }

  /** Writes {@code settings} as a properties file, the only configuration a child reads. */
  public static Path writeSettings(Path file, Map<String, String> settings, String comment) {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(writer, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
