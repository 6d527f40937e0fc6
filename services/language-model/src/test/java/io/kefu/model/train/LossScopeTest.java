package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.BpeTrainer;
import io.kefu.model.tokenizer.PromptFormat;
import io.kefu.model.tokenizer.SpecialToken;
import io.kefu.model.tokenizer.TokenSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossScopeTest {

    private static final int C = SpecialToken.CUSTOMER.id();
    private static final int A = SpecialToken.AGENT.id();
    private static final int E = SpecialToken.END.id();

    @Test
    void shouldTakeTheFirstSentenceAsTheOpening() {
        assertThat(LossScope.openingLength("Your order is on its way. Order ORD-1 arrives in 2 days."))
                .isEqualTo("Your order is on its way.".length());
        assertThat(LossScope.openingLength("Refunds of $12.50 go back to your card! Expect it in 3 days."))
                .isEqualTo("Refunds of $12.50 go back to your card!".length());
        assertThat(LossScope.openingLength("Which order? The one from May")).isEqualTo("Which order?".length());
        assertThat(LossScope.openingLength("您的包裹已发出。预计明天送达。")).isEqualTo(8);
        assertThat(LossScope.openingLength("We'll check the promo code.")).isEqualTo(27);
        assertThat(LossScope.openingLength("no sentence end")).isEqualTo(15);
        assertThat(LossScope.openingLength("")).isZero();
    }

    @Test
    void shouldPutTheLossOfAnOpeningOnlyExampleOnItsFirstSentenceAndNeverOnWhatComesAfterIt() {
        PromptFormat format = new PromptFormat(BpeTokenizer.bytesOnly());
        List<ReplyExample> examples = List.of(
                ReplyExample.positive(List.of(), "q", "Ok. More.").openingOnly(),
                ReplyExample.positive(List.of(), "q", "Ok.").openingOnly(),
                ReplyExample.positive(List.of(), "q", "Ok. More."));

        // When they are encoded (one token per byte: <|customer|> q <|agent|> then the reply and <|end|>)
        List<EncodedExample> encoded = EncodedExample.encodeAll(format, examples, 64);

        // Then the complete reply's loss stops after "Ok." (not on " More." or <|end|>), the terse reply's before
        // <|end|>, and the whole-reply example keeps every reply token and <|end|>
        assertThat(encoded.get(0).sequence().tokens())
                .containsExactly(C, 'q', A, 'O', 'k', '.', ' ', 'M', 'o', 'r', 'e', '.', E);
        assertThat(encoded).extracting(EncodedExample::lossEnd).containsExactly(6, 6, 13);
        assertThat(encoded).extracting(EncodedExample::lossTokens).containsExactly(3, 3, 10);
        assertThat(ReplyLoss.meanReplyTokens(encoded)).isEqualTo(16f / 3);

        // And the batch's mask marks exactly those targets (target t is token t + 1)
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingBatch batch = TrainingBatch.of(manager, encoded);
            float[] mask = batch.labels().get(1).toFloatArray();
            assertThat(Arrays.copyOfRange(mask, 0, 12)).containsExactly(0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0);
            assertThat(Arrays.copyOfRange(mask, 12, 24)).containsExactly(0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0);
            assertThat(Arrays.copyOfRange(mask, 24, 36)).containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
            assertThat(batch.targetTokens()).isEqualTo(16);
        }
    }

    @Test
    void shouldEndTheOpeningOnTheSentencesOwnTokensWithLearnedMerges() {
        // Given a tokenizer whose merges span words and punctuation of the replies it learned from
        List<String> texts = new ArrayList<>();
        List<String> replies = List.of("Your order is on its way. Order ORD-4821 arrives in 2 days.",
                "We're processing your refund. It reaches your card within 5 days.",
                "退款正在处理。款项将在5天内退回。");
        for (int i = 0; i < 30; i++) {
            texts.addAll(replies);
        }
        PromptFormat format = new PromptFormat(new BpeTrainer(300, 2).train(texts));

        for (String reply : replies) {
            // When a reply is encoded with the loss on its opening
            EncodedExample example = EncodedExample.encodeAll(format,
                    List.of(ReplyExample.positive(List.of(), "hello", reply).openingOnly()), 128).get(0);

            // Then the tokens that carry loss decode to exactly the first sentence
            int[] tokens = example.sequence().tokens();
            int[] loss = Arrays.copyOfRange(tokens, example.sequence().replyStart(), example.lossEnd());
            assertThat(format.tokenizer().decode(loss)).isEqualTo(reply.substring(0, LossScope.openingLength(reply)));
        }
    }

    @Test
    void shouldRefuseALossEndOutsideTheReply() {
        TokenSequence sequence = new TokenSequence(new int[] {C, 'q', A, 'o', E}, 3);
        assertThatThrownBy(() -> new EncodedExample(sequence, 1f, 3))
                .hasMessage("lossEnd must be in (3, 5], was 3");
        assertThatThrownBy(() -> new EncodedExample(sequence, 1f, 6))
                .hasMessage("lossEnd must be in (3, 5], was 6");
    }
}
