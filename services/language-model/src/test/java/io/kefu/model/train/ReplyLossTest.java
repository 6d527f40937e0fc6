package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.tokenizer.TokenSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLossTest {

    @Test
    void shouldWeighLikelihoodAndUnlikelihoodPerExampleOnMaskedPositionsOnly() {
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // Given two rows of two positions whose logits give p(target 0) = 0.75 everywhere;
            // the second position of each row is a prompt position (mask 0)
            NDList predictions = targetZeroAtThreeQuarters(manager, 2, 2);
            NDList labels = new NDList(
                    manager.create(new long[] {0, 0, 0, 0}, new Shape(2, 2)),
                    manager.create(new float[] {1, 0, 1, 0}, new Shape(2, 2)),
                    manager.create(new float[] {2f, -0.5f}));
            // When the loss is evaluated with weight 2 for row 0 and -0.5 (negative) for row 1
            float loss = new ReplyLoss().evaluate(labels, predictions).getFloat();
            // Then row 0 adds 2 * -ln 0.75, row 1 adds 0.5 * -ln(1 - 0.75), divided by 2 masked tokens
            double expected = (2 * -Math.log(0.75) + 0.5 * -Math.log(0.25)) / 2;
            assertThat((double) loss).isCloseTo(expected, within(1e-5));
            assertThat((double) loss).isCloseTo(0.6342557, within(1e-6));
        }
    }

    @Test
    void shouldWeighEveryReplyTokenAlikeAcrossBatchesOfDifferentLengthsWhenGivenTokensPerExample() {
        PyTorchRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            // Given a batch of one short reply (1 masked position) and a batch of one long reply (3 masked
            // positions), every position with p(target) = 0.75
            NDList predictions = targetZeroAtThreeQuarters(manager, 1, 4);
            NDList shortReply = new NDList(manager.create(new long[] {0, 0, 0, 0}, new Shape(1, 4)),
                    manager.create(new float[] {0, 0, 0, 1}, new Shape(1, 4)), manager.create(new float[] {1f}));
            NDList longReply = new NDList(manager.create(new long[] {0, 0, 0, 0}, new Shape(1, 4)),
                    manager.create(new float[] {0, 1, 1, 1}, new Shape(1, 4)), manager.create(new float[] {1f}));
            double perToken = -Math.log(0.75);

            // When each is evaluated as the mean per token, and with 2 tokens per example
            float shortMean = new ReplyLoss().evaluate(shortReply, predictions).getFloat();
            float longMean = new ReplyLoss().evaluate(longReply, predictions).getFloat();
            float shortFixed = new ReplyLoss(2f).evaluate(shortReply, predictions).getFloat();
            float longFixed = new ReplyLoss(2f).evaluate(longReply, predictions).getFloat();

            // Then the mean gives both batches the same loss, so the short reply's one token weighs three times each
            // of the long reply's; the fixed divisor makes the long reply count three times the short one
            assertThat((double) shortMean).isCloseTo(perToken, within(1e-6));
            assertThat((double) longMean).isCloseTo(perToken, within(1e-6));
            assertThat((double) shortFixed).isCloseTo(perToken / 2, within(1e-6));
            assertThat((double) longFixed).isCloseTo(3 * perToken / 2, within(1e-6));
        }
    }

    @Test
    void shouldCountTheReplyTokensWithTheEndTokenPerExampleAndRefuseNoTokens() {
        // Given examples whose replies (from replyStart to the end) hold 2 and 5 tokens
        List<EncodedExample> examples = List.of(
                new EncodedExample(new TokenSequence(new int[] {1, 2, 3, 4}, 2), 1f),
                new EncodedExample(new TokenSequence(new int[] {1, 2, 3, 4, 5, 6, 7}, 2), 1f));

        // Then the mean is 3.5; no examples and a divisor of 0 are refused with the reason
        assertThat(ReplyLoss.meanReplyTokens(examples)).isEqualTo(3.5f);
        assertThatThrownBy(() -> ReplyLoss.meanReplyTokens(List.of()))
                .hasMessage("no examples to count reply tokens of");
        assertThatThrownBy(() -> new ReplyLoss(0f)).hasMessage("tokensPerExample must be finite and > 0, was 0.0");
    }

    /** Logits (B, T, 2) of (ln 3, 0) at every position: p(token 0) = 3 / (3 + 1) = 0.75. */
    private static NDList targetZeroAtThreeQuarters(NDManager manager, int rows, int positions) {
        float[] logits = new float[rows * positions * 2];
        for (int i = 0; i < logits.length; i += 2) {
            logits[i] = (float) Math.log(3);
        }
        return new NDList(manager.create(logits, new Shape(rows, positions, 2)));
    }
}
