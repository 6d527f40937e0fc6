package io.kefu.poison.cases;

/** Builds the poison record of one case from what the run provides. */
@FunctionalInterface
public interface PoisonBuilder {
  PoisonRecord build(CaseContext context);
}
