package io.kefu.model.generate;

import ai.djl.ndarray.NDArray;
import io.kefu.model.LanguageModel;
import io.kefu.model.tokenizer.IntList;
import io.kefu.model.tokenizer.SpecialToken;
import java.util.List;
import java.util.Random;

/**
 * One sequence being decoded: its prompt, the tokens picked so far, and when to stop.
 *
 * <p>{@code cached} counts tokens whose keys and values are in the cache; {@code pending} is the
 * last picked token, which the next decode step feeds at position {@code cached}.
 */
final class SequenceState {

    private final GenerationRequest request;
    private final int[] prompt;
    private final int maxLength;
    private final Random random;
    private final IntList picked;
    private final long submittedNanos;
    private double logProbSum;
    private int cached;
    private int pending = -1;
    private StopReason stopReason;

    SequenceState(GenerationRequest request, int[] prompt, int maxLength, long submittedNanos) {
        this.request = request;
        this.prompt = prompt;
        this.maxLength = maxLength;
        this.random = new Random(request.sampling().seed());
        this.picked = new IntList(32);
        this.submittedNanos = submittedNanos;
    }

    /**
     * Encodes a request's prompt so that at least a few reply tokens fit.
     *
     * @param model the model whose tokenizer and context apply
     * @param request the request
     * @param maxLength the most tokens a sequence may hold (cache slot length)
     * @return prompt ids ending with {@code <|agent|>}
     */
    static int[] encodePrompt(LanguageModel model, GenerationRequest request, int maxLength) {
        int reserve = Math.min(request.sampling().maxNewTokens(), maxLength / 2);
        return model.promptFormat().encodePrompt(request.context(), request.message(), maxLength - reserve);
    }

    int[] prompt() {
        return prompt;
    }

    int cached() {
        return cached;
    }

    int pending() {
        return pending;
    }

    GenerationRequest request() {
        return request;
    }

    long submittedNanos() {
        return submittedNanos;
    }

    /** Marks the prompt as cached (after prefill). */
    void prefilled() {
        cached = prompt.length;
    }

    /**
     * Sets how many tokens the model has seen, for decoding that recomputes the whole sequence.
     *
     * @param length prompt plus fed tokens
     */
    void seen(int length) {
        cached = length;
    }

    /** Marks the pending token as cached (after a decode step fed it). */
    void advanced() {
        cached++;
    }

    /**
     * Takes the log-probabilities of the next token and picks it.
     *
     * @param logits log-probabilities of all rows
     * @param offset start of this sequence's row
     * @param vocab row length
     * @return true when the sequence is finished
     */
    boolean accept(float[] logits, int offset, int vocab) {
        return accept(TokenSampler.pick(logits, offset, vocab, request.sampling(), random));
    }

    /**
     * Picks the next token of each sequence from one step's logits, row i for sequence i. When
     * every sequence decodes greedily, the device finds each row's best token and its
     * log-probability and only those 2N numbers are copied out; otherwise the N rows of
     * log-probabilities are, for {@link TokenSampler}. Both pick the same greedy token (the first
     * of equal maxima).
     *
     * @param logits the step's logits (N, V)
     * @param rows the N sequences, in row order
     * @return for each sequence, whether it is finished
     */
    static boolean[] acceptRows(NDArray logits, List<SequenceState> rows) {
        int n = rows.size();
        boolean[] finished = new boolean[n];
        NDArray logProbs = logits.logSoftmax(-1); // (N, V)
        if (rows.stream().allMatch(state -> state.request.sampling().isGreedy())) {
            long[] best = logProbs.argMax(-1).toLongArray(); // (N)
            float[] bestLogProbs = logProbs.max(new int[] {-1}).toFloatArray(); // (N)
            for (int i = 0; i < n; i++) {
                finished[i] = rows.get(i).accept(new TokenSampler.Choice((int) best[i], bestLogProbs[i]));
            }
        } else {
            int vocab = (int) logProbs.getShape().get(1);
            float[] all = logProbs.toFloatArray();
            for (int i = 0; i < n; i++) {
                finished[i] = rows.get(i).accept(all, i * vocab, vocab);
            }
        }
        return finished;
    }

    private boolean accept(TokenSampler.Choice choice) {
        logProbSum += choice.logProb();
        if (choice.token() == SpecialToken.END.id()) {
            stopReason = StopReason.END_TOKEN;
            return true;
        }
        picked.add(choice.token());
        pending = choice.token();
        if (picked.size() >= request.sampling().maxNewTokens()) {
            stopReason = StopReason.TOKEN_LIMIT;
        } else if (cached >= maxLength) {
            stopReason = StopReason.CONTEXT_FULL;
        }
        return stopReason != null;
    }

    GenerationResult result(LanguageModel model, long nowNanos) {
        int[] tokens = picked.toArray();
        int count = tokens.length + (stopReason == StopReason.END_TOKEN ? 1 : 0);
        return new GenerationResult(model.tokenizer().decode(tokens), tokens, logProbSum / Math.max(1, count),
                stopReason, model.version(), prompt.length, nowNanos - submittedNanos);
    }
}
