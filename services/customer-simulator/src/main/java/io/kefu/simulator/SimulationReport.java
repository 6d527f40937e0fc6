package io.kefu.simulator;

import java.util.Map;

/**
 * What a simulation did so far.
 *
 * @param sent customer messages sent
 * @param answered messages that got a reply (a holding reply with a handoff included)
 * @param handedOff messages handed to a person
 * @param operatorAnswers handoffs the simulated human operator answered
 * @param rated replies rated
 * @param byVersion ratings per model version ("human" for replies a person wrote)
 */
public record SimulationReport(long sent, long answered, long handedOff, long operatorAnswers, long rated,
    Map<String, RatingTally.Snapshot> byVersion) {}
