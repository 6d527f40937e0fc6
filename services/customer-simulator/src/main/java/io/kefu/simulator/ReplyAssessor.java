package io.kefu.simulator;

/** Judges a reply the way a customer would; normally backed by the seed corpus's reply judge. */
public interface ReplyAssessor {

  /** What {@code customer} notices about {@code reply}. */
  ReplyAssessment assess(SimulatedCustomer customer, String reply);
}
