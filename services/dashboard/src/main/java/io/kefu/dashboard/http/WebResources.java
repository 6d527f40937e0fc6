package io.kefu.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page files shipped in the jar under {@value #ROOT}. */
final class WebResources {
  static final String ROOT = "/io/kefu/dashboard/web";
  static final String ASSETS = ROOT + "/assets";
  /** Where webjars (the chart library) keep their files. */
  static final String WEBJARS = "/META-INF/resources/webjars";

  private WebResources() {}

  /** The UTF-8 text of the page file {@code name} under {@code pages/}. */
  static String page(String name) {
    String path = ROOT + "/pages/" + name;
    try (InputStream in = WebResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("dashboard page " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard page " + path, e);
    }
  }
}
