package io.kefu.loadbench;

/**
 * The figures of one target rate.
 *
 * @param targetRate messages per second asked for
 * @param sentRate messages per second actually produced while measuring
 * @param achievedRate replies per second that became visible while measuring: the throughput
 * @param latency the latencies of the replies to the messages sent while measuring
 * @param lag the reply service's consumer lag while measuring
 * @param messagesPerTransaction mean customer messages answered per poll (one transaction each), whole rate
 * @param abortedTransactions transactions aborted during the rate
 * @param drainSeconds time from the rate's last message until every message was answered
 * @param unanswered measured messages still unanswered when the drain timed out (0 when it did not)
 * @param saturated true when the pipeline did not hold the rate: throughput under 95% of it, lag growing by more than
 *     5% of it per second, or messages left unanswered
 */
public record RateResult(int targetRate, double sentRate, double achievedRate, LatencyFigures latency, LagFigures lag,
    double messagesPerTransaction, long abortedTransactions, double drainSeconds, long unanswered,
    boolean saturated) {}
