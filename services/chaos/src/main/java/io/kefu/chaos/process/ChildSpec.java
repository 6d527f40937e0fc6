package io.kefu.chaos.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to launch as a child process.
 *
 * @param name the child's name in its log prefix and thread names
 * @param mainClass the class whose {@code main} runs, found on this JVM's class path
 * @param arguments its program arguments
 * @param jvmOptions options before the class name ({@code -Xmx...}, {@code -Dkey=value})
 * @param environment variables added to this process's environment
 * @param logFile where its merged stdout and stderr are appended
 * @param watchedPhrases phrases whose occurrences in the output are counted
 */
public record ChildSpec(String name, Class<?> mainClass, List<String> arguments, List<String> jvmOptions,
    Map<String, String> environment, Path logFile, List<String> watchedPhrases) {

  /** Copies the lists and checks that nothing is missing. */
  public ChildSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(logFile, "logFile");
    arguments = List.copyOf(arguments);
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
    watchedPhrases = List.copyOf(watchedPhrases);
  }
}
