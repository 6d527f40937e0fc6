package io.kefu.model.bench;

import java.util.List;

/**
 * Figures measured by {@link GenerateBenchmark}, all from one run on one machine.
 *
 * @param model the model measured (name@version and size)
 * @param device the device
 * @param intraOpThreads PyTorch intra-op threads during the run (0: the process default)
 * @param sequential one conversation at a time, by the faster of {@code sequentialPath}'s two options
 * @param sequentialPath how sequential ran: "plain loop" or "engine with 1 slot", whichever was faster
 * @param slowerSequentialTokensPerSecond tokens/s of the other, slower option
 * @param batched continuous batching, one entry per concurrency
 * @param steps decode-step time by position, with and without the KV cache
 * @param decodeGflops achieved GFLOP/s of a decode step at the largest concurrency
 * @param matmulGflops GFLOP/s of the reference fp32 matmul
 * @param matmulSize its side
 * @param loadAverageBefore the machine's 1-minute load average when the run started
 * @param loadAverageAfter the same when it ended
 */
public record BenchResult(String model, String device, int intraOpThreads, Throughput sequential,
        String sequentialPath, double slowerSequentialTokensPerSecond, List<Throughput> batched,
        List<StepTiming> steps, double decodeGflops, double matmulGflops, int matmulSize, double loadAverageBefore,
        double loadAverageAfter) {

    /**
     * Generation throughput and latency at one concurrency.
     *
     * @param concurrency conversations in flight (1: sequential)
     * @param conversations conversations generated
     * @param tokens tokens generated
     * @param seconds wall-clock time
     * @param tokensPerSecond tokens / seconds
     * @param p50LatencyMillis median reply latency
     * @param p99LatencyMillis 99th-percentile reply latency
     * @param speedup tokens/s relative to sequential
     * @param prefillPasses prefill forward passes the engine ran (0 for sequential: one per conversation)
     * @param prefillShare share of the engine's busy time spent in prefill (0 for sequential)
     */
    public record Throughput(int concurrency, int conversations, long tokens, double seconds, double tokensPerSecond,
            double p50LatencyMillis, double p99LatencyMillis, double speedup, long prefillPasses,
            double prefillShare) {}

    /**
     * Time of one decode step for a single sequence at a position.
     *
     * @param position tokens already in the sequence
     * @param cachedMillis with the KV cache (one new token attends to the cache)
     * @param recomputeMillis without it (the whole sequence runs again)
     */
    public record StepTiming(int position, double cachedMillis, double recomputeMillis) {}

    /**
     * Returns the cached step time at the last position over that at the first.
     *
     * @return the growth ratio (target: at most 1.5)
     */
    public double cachedStepGrowth() {
        return steps.get(steps.size() - 1).cachedMillis() / steps.get(0).cachedMillis();
    }
}
