package io.kefu.poison.cli;

import io.kefu.poison.MatrixOptions;
import io.kefu.poison.PoisonMatrix;
import io.kefu.poison.cases.PoisonCatalogue;
import io.kefu.poison.report.MatrixReport;
import io.kefu.poison.report.OutcomeTable;
import io.kefu.poison.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kefu chaos poison}: runs the poison matrix and prints the outcome table and totals. */
@Command(name = "poison", mixinStandardHelpOptions = true,
    header = "Bad inputs on customer-messages and feedback: each must end in a reply or a DLQ record with the right reason.",
    description = {"Starts an embedded broker and schema registry, trains a small real model (about 20 s), runs the",
        "real reply service and feedback stream in this process, writes every poison case between two good inputs,",
        "and checks per case the outcome (DLQ reason and source headers, or reply / handoff / training example), that",
        "the good inputs around it are answered, and that neither service restarted.",
        "Exit code 0 when every case passes, 1 when any fails."})
public final class ChaosPoisonCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the table and totals as JSON.")
  Path json;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Directory for the run's broker, registry, model and state (default: a new temporary directory).")
  Path workDirectory;

  @Option(names = "--case", paramLabel = "NAME", split = ",",
      description = "Run only these cases (comma-separated names); default all.")
  List<String> only;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
      description = "Longest wait for outcomes, per phase (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--list", description = "List the cases and their expected outcomes, and exit.")
  boolean list;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PoisonCatalogue catalogue = catalogue();
    if (list) {
      catalogue.cases().forEach(c -> out.printf("%-32s %-18s %-34s %s%n", c.name(), c.target().logicalName(),
          c.expected().label(), c.input()));
      out.flush();
      return 0;
    }
    Path work = workDirectory != null ? workDirectory : Files.createTempDirectory("kefu-poison-");
    MatrixReport report = new PoisonMatrix(MatrixOptions.builder()
        .setWorkDirectory(work)
        .optCatalogue(catalogue)
        .optOutcomeTimeout(Duration.ofSeconds(timeoutSeconds))
        .optProgress(System.err)
        .build()).run();
    out.print(OutcomeTable.render(report));
    out.flush();
    if (json != null) {
      ReportJson.write(report, json);
    }
    return report.passed() ? 0 : 1;
  }

  private PoisonCatalogue catalogue() {
    if (only == null) {
      return PoisonCatalogue.standard();
    }
    try {
      return PoisonCatalogue.standard().only(Set.copyOf(only));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--case: " + e.getMessage() + " (see --list)", e);
    }
  }
}
