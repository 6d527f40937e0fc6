package io.kefu.dashboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Values Maven wrote into build.properties, so tests check the code against the pom. */
public final class BuildInfo {
  private BuildInfo() {}

  /** The uPlot webjar version the pom depends on. */
  public static String uplotVersion() {
    Properties props = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from the test classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("uplot.version");
  }
}
