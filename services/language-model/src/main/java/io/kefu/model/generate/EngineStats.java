package io.kefu.model.generate;

/**
 * A snapshot of a {@link GenerationEngine}.
 *
 * @param decodeSteps decode steps run so far (one step serves every active sequence of a version)
 * @param generatedTokens tokens picked so far
 * @param active sequences being decoded
 * @param waiting requests waiting for a slot
 * @param currentVersion the model version new requests go to
 * @param draining versions still finishing sequences after a swap
 * @param prefills prefill forward passes run so far (each fills one group of similar-length prompts)
 * @param prefillNanos decode-loop time spent in prefill so far
 * @param decodeNanos decode-loop time spent in decode steps so far
 */
public record EngineStats(long decodeSteps, long generatedTokens, int active, int waiting, String currentVersion,
        int draining, long prefills, long prefillNanos, long decodeNanos) {}
