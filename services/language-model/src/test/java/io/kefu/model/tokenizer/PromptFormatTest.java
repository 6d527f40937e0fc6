package io.kefu.model.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptFormatTest {

    private static final int C = SpecialToken.CUSTOMER.id();
    private static final int A = SpecialToken.AGENT.id();
    private static final int E = SpecialToken.END.id();

    private final PromptFormat format = new PromptFormat(BpeTokenizer.bytesOnly());

    @Test
    void shouldRenderContextTurnsMessageAndReplyWithTurnTokens() {
        // Given one earlier exchange and a new message
        List<ChatTurn> context = List.of(ChatTurn.customer("hi"), ChatTurn.agent("yo"));
        // When rendered as a training example
        TokenSequence sequence = format.encodeExample(context, "q", "ok", 64).orElseThrow();
        // Then the layout is exact and the reply starts after <|agent|>
        assertThat(sequence.tokens()).containsExactly(C, 'h', 'i', A, 'y', 'o', E, C, 'q', A, 'o', 'k', E);
        assertThat(sequence.replyStart()).isEqualTo(10);
    }

    @Test
    void shouldDropTheOldestTurnsFirstWhenThePromptIsTooLong() {
        List<ChatTurn> context = List.of(ChatTurn.customer("first"), ChatTurn.agent("ab"));
        int[] prompt = format.encodePrompt(context, "q", 7);
        assertThat(prompt).containsExactly(A, 'a', 'b', E, C, 'q', A);
    }

    @Test
    void shouldKeepTheLastTokensOfAMessageThatAloneIsTooLong() {
        int[] prompt = format.encodePrompt(List.of(), "abcdef", 5);
        assertThat(prompt).containsExactly(C, 'd', 'e', 'f', A);
    }

    @Test
    void shouldSkipAnExampleWhoseReplyCannotFit() {
        assertThat(format.encodeExample(List.of(), "q", "a long reply", 8)).isEmpty();
    }
}
