package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageNoiseTest {

    private static final List<ReplyExample> EXAMPLES = List.of(
            ReplyExample.positive(List.of(), "Please cancel my order ORD-123 today.", "I've cancelled it."),
            ReplyExample.positive(List.of(), "我想取消订单，谢谢！", "已为您取消订单。"));

    @Test
    void shouldPerturbOnlyMessagesDeterministicallyAndKeepRepliesAndWeights() {
        MessageNoise noise = new MessageNoise(1.0, 0.3);
        List<ReplyExample> first = noise.apply(EXAMPLES, 9);
        List<ReplyExample> second = noise.apply(EXAMPLES, 9);
        assertThat(first).isEqualTo(second);
        for (int i = 0; i < EXAMPLES.size(); i++) {
            assertThat(first.get(i).reply()).isEqualTo(EXAMPLES.get(i).reply());
            assertThat(first.get(i).weight()).isEqualTo(1f);
            assertThat(first.get(i).message()).isNotEmpty();
        }
    }

    @Test
    void shouldLeaveEveryExampleAloneWithAZeroShare() {
        assertThat(new MessageNoise(0.0, 0.3).apply(EXAMPLES, 9)).isEqualTo(EXAMPLES);
    }

    @Test
    void shouldDropWordsButNeverEmptyAMessage() {
        MessageNoise noise = new MessageNoise(1.0, 0.9);
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            assertThat(noise.perturb("cancel my order", random)).isNotBlank();
            assertThat(noise.perturb("取消", random)).isNotBlank();
        }
    }
}
