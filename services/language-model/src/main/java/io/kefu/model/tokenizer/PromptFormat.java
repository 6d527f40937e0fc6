package io.kefu.model.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Renders a conversation into token ids.
 *
 * <pre>
 * customer turn:  &lt;|customer|&gt; text
 * agent turn:     &lt;|agent|&gt; text &lt;|end|&gt;
 * prompt:         turns..., &lt;|customer|&gt; message, &lt;|agent|&gt;
 * training:       prompt, reply, &lt;|end|&gt;
 * </pre>
 *
 * When a prompt does not fit its budget, the oldest context turns are dropped first; if the
 * message alone is still too long, only its last tokens are kept.
 */
public final class PromptFormat {

    private final BpeTokenizer tokenizer;

    /**
     * Creates a format over a tokenizer.
     *
     * @param tokenizer the tokenizer
     */
    public PromptFormat(BpeTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Returns the tokenizer.
     *
     * @return the tokenizer
     */
    public BpeTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Encodes a prompt that ends with {@code <|agent|>}, within a token budget.
     *
     * @param context earlier turns, oldest first
     * @param message the customer's message to answer
     * @param maxTokens the most tokens the prompt may take (at least 3)
     * @return prompt ids
     */
    public int[] encodePrompt(List<ChatTurn> context, String message, int maxTokens) {
        if (maxTokens < 3) {
            throw new IllegalArgumentException("prompt budget must be >= 3 tokens, was " + maxTokens);
        }
        int[] tail = messageTail(message);
        List<int[]> turns = new ArrayList<>();
        for (ChatTurn turn : context) {
            turns.add(encodeTurn(turn));
        }
        int total = tail.length;
        int first = turns.size();
        while (first > 0 && total + turns.get(first - 1).length <= maxTokens) {
            first--;
            total += turns.get(first).length;
        }
        if (tail.length > maxTokens) {
            int keep = maxTokens - 2;
            int[] cut = new int[maxTokens];
            cut[0] = SpecialToken.CUSTOMER.id();
            System.arraycopy(tail, tail.length - 1 - keep, cut, 1, keep);
            cut[maxTokens - 1] = SpecialToken.AGENT.id();
            return cut;
        }
        IntList out = new IntList(total);
        for (int i = first; i < turns.size(); i++) {
            out.addAll(turns.get(i));
        }
        out.addAll(tail);
        return out.toArray();
    }

    /**
     * Encodes a training sequence: the prompt, then the reply and {@code <|end|>}.
     *
     * @param context earlier turns, oldest first
     * @param message the customer's message
     * @param reply the agent's reply
     * @param maxTokens the context length
     * @return the sequence, or empty when the reply and a minimal prompt cannot fit
     */
    public Optional<TokenSequence> encodeExample(List<ChatTurn> context, String message, String reply, int maxTokens) {
        int[] replyIds = tokenizer.encode(reply);
        int replyLength = replyIds.length + 1;
        int promptBudget = maxTokens - replyLength;
        if (promptBudget < 3) {
            return Optional.empty();
        }
        int[] prompt = encodePrompt(context, message, promptBudget);
        int[] tokens = Arrays.copyOf(prompt, prompt.length + replyLength);
        System.arraycopy(replyIds, 0, tokens, prompt.length, replyIds.length);
        tokens[tokens.length - 1] = SpecialToken.END.id();
        return Optional.of(new TokenSequence(tokens, prompt.length));
    }

    private int[] messageTail(String message) {
        int[] body = tokenizer.encode(message);
        int[] tail = new int[body.length + 2];
        tail[0] = SpecialToken.CUSTOMER.id();
        System.arraycopy(body, 0, tail, 1, body.length);
        tail[tail.length - 1] = SpecialToken.AGENT.id();
        return tail;
    }

    private int[] encodeTurn(ChatTurn turn) {
        int[] body = tokenizer.encode(turn.text());
        boolean agent = turn.role() == ChatTurn.Role.AGENT;
        int[] ids = new int[body.length + (agent ? 2 : 1)];
        ids[0] = agent ? SpecialToken.AGENT.id() : SpecialToken.CUSTOMER.id();
        System.arraycopy(body, 0, ids, 1, body.length);
        if (agent) {
            ids[ids.length - 1] = SpecialToken.END.id();
        }
        return ids;
    }
}
