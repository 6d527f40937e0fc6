package io.kefu.security.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JDK's {@code keytool} of the running Java; passwords go through environment variables
 * ({@code -storepass:env}), never through the command line that other users can list.
 */
final class Keytool {
  /** The environment variable that carries the password of the store being worked on. */
  static final String STORE_PASSWORD_VARIABLE = "KEYTOOL_STORE_PASSWORD";
  /** The environment variable that carries the password of the CA's store while signing. */
  static final String SIGNER_PASSWORD_VARIABLE = "KEYTOOL_SIGNER_PASSWORD";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** keytool is a short-lived JVM: the quick compiler and the serial collector start it faster. */
  private static final List<String> JVM_OPTIONS = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

  private final Path executable;

  Keytool() {
    this.executable = Path.of(System.getProperty("java.home"), "bin", "keytool");
  }

  /**
   * Runs {@code keytool <arguments>} with the two passwords in the environment.
   *
   * @throws IllegalStateException with keytool's output when it fails or does not finish within a minute
   */
  void run(List<String> arguments, String storePassword, String signerPassword) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(STORE_PASSWORD_VARIABLE, storePassword);
    if (signerPassword != null) {
      builder.environment().put(SIGNER_PASSWORD_VARIABLE, signerPassword);
    }
    String step = String.join(" ", arguments.subList(0, Math.min(3, arguments.size())));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + step + " did not finish within " + TIMEOUT);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + step + " failed with exit code " + process.exitValue() + ": "
            + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool " + step, e);
    }
  }
}
