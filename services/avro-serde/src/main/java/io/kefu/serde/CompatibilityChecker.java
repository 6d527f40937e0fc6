package io.kefu.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a new schema may follow a subject's previous versions under a {@link CompatibilityLevel},
 * using Avro's own {@link SchemaCompatibility} reader/writer check.
 *
 * <p>Non-transitive levels compare with the latest previous version only (the last element of the list);
 * transitive levels compare with every one, newest first, as Confluent Schema Registry does.
 */
public final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /** The outcome of one check: compatible or not, with one human-readable message per problem found. */
  public record Result(boolean compatible, List<String> messages) {
    public Result {
      messages = List.copyOf(messages);
    }
  }

  /**
   * Returns whether {@code candidate} may follow {@code previousOldestFirst} under {@code level}.
   *
   * @param previousOldestFirst the subject's earlier schemas, oldest first; empty means anything is compatible
   */
  public static boolean isCompatible(CompatibilityLevel level, Schema candidate, List<Schema> previousOldestFirst) {
    return check(level, candidate, previousOldestFirst).compatible();
  }

  /**
   * Checks {@code candidate} against {@code previousOldestFirst} under {@code level} and explains every problem.
   *
   * @param previousOldestFirst the subject's earlier schemas, oldest first; empty means anything is compatible
   */
  public static Result check(CompatibilityLevel level, Schema candidate, List<Schema> previousOldestFirst) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(previousOldestFirst, "previousOldestFirst");
    if (level == CompatibilityLevel.NONE || previousOldestFirst.isEmpty()) {
      return new Result(true, List.of());
    }
    int count = previousOldestFirst.size();
    int oldestChecked = level.isTransitive() ? 0 : count - 1;
    List<String> messages = new ArrayList<>();
    for (int i = count - 1; i >= oldestChecked; i--) {
      Schema previous = previousOldestFirst.get(i);
      String which = i == count - 1 ? "the latest schema" : "previous schema " + (i + 1) + " of " + count;
      if (level.checksBackward()) {
        explain(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
            level + ": the new schema cannot read data written with " + which, messages);
      }
      if (level.checksForward()) {
        explain(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
            level + ": " + which + " cannot read data written with the new schema", messages);
      }
    }
    return new Result(messages.isEmpty(), messages);
  }

  private static void explain(SchemaPairCompatibility pair, String context, List<String> messages) {
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    List<Incompatibility> problems = pair.getResult().getIncompatibilities();
    if (problems.isEmpty()) {
      messages.add(context + ": " + pair.getDescription());
      return;
    }
    for (Incompatibility problem : problems) {
      messages.add(context + ": " + problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage());
    }
  }
}
