package io.kefu.model.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link GenerateBenchmark} measures.
 *
 * @param modelDirectory an artifact directory to load, or null for a freshly initialized model of
 *     the default size (throughput does not depend on what the weights say)
 * @param conversations conversations per measurement
 * @param maxNewTokens token limit per reply
 * @param concurrency concurrent conversations for continuous batching, e.g. 8, 32, 64
 * @param stepPositions positions at which to time single decode steps, e.g. 16, 64, 256
 * @param stepRepeats timed repeats per decode-step measurement (the median is reported)
 * @param matmulSize side of the square fp32 matmul used as the machine's reference
 * @param intraOpThreads PyTorch intra-op threads for the run (0: leave the process default)
 */
public record BenchOptions(Path modelDirectory, int conversations, int maxNewTokens, List<Integer> concurrency,
        List<Integer> stepPositions, int stepRepeats, int matmulSize, int intraOpThreads) {

    /** Checks the values. */
    public BenchOptions {
        concurrency = List.copyOf(concurrency);
        stepPositions = List.copyOf(stepPositions);
        if (conversations <= 0 || maxNewTokens <= 0 || stepRepeats <= 0 || matmulSize <= 0) {
            throw new IllegalArgumentException("conversations, maxNewTokens, stepRepeats and matmulSize must be > 0");
        }
    }

    /**
     * Returns the defaults: 64 conversations of 48 tokens, batching at 8, 32 and 64, steps at 16,
     * 64 and 256, a 1024 x 1024 matmul, one intra-op thread (the fastest for decoding on 2 cores).
     *
     * @return the options
     */
    public static BenchOptions defaults() {
        return new BenchOptions(null, 64, 48, List.of(8, 32, 64), List.of(16, 64, 256), 15, 1024, 1);
    }
}
