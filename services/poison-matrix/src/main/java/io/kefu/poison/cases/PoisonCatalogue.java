package io.kefu.poison.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The immutable list of poison cases a matrix run tries, customer-messages cases first. */
public final class PoisonCatalogue {
  private final List<PoisonCase> cases;

  private PoisonCatalogue(List<PoisonCase> cases) {
    Set<String> names = new HashSet<>();
    for (PoisonCase c : cases) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two cases are named '" + c.name() + "'");
      }
    }
    this.cases = List.copyOf(cases);
  }

  /** Every case Kefu's poison matrix knows. */
  public static PoisonCatalogue standard() {
    List<PoisonCase> all = new ArrayList<>(CustomerMessageCases.all());
    all.addAll(FeedbackCases.all());
    return new PoisonCatalogue(all);
  }

  /** A catalogue of {@code cases} (names must be unique). */
  public static PoisonCatalogue of(List<PoisonCase> cases) {
    return new PoisonCatalogue(cases);
  }

  /** Only the cases whose name is in {@code names}; fails naming any name no case has. */
  public PoisonCatalogue only(Set<String> names) {
    Set<String> unknown = new HashSet<>(names);
    cases.forEach(c -> unknown.remove(c.name()));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no poison case is named " + unknown);
    }
    return new PoisonCatalogue(cases.stream().filter(c -> names.contains(c.name())).toList());
  }

  public List<PoisonCase> cases() {
    return cases;
  }

  /** The cases written to {@code target}, in catalogue order. */
  public List<PoisonCase> on(Target target) {
    return cases.stream().filter(c -> c.target() == target).toList();
  }
}
