package io.kefu.loadbench;

import java.util.List;
import java.util.Map;

/**
 * A load benchmark run.
 *
 * @param model which model answered
 * @param setup the settings that shape the figures (reply service, engine, platform clients)
 * @param rates one result per target rate (empty for a soak)
 * @param soak the soak, or null
 * @param sent messages sent in the whole run, warm-up included
 * @param answered messages answered (each counted once)
 * @param duplicates replies to a message already answered
 * @param unknown replies to messages the run did not send
 * @param lost messages sent and never answered
 * @param seconds wall time of the run, model training included
 */
public record LoadResult(String model, Map<String, String> setup, List<RateResult> rates, SoakResult soak, long sent,
    long answered, long duplicates, long unknown, long lost, double seconds) {}
