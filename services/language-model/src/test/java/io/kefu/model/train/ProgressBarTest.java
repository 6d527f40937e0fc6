package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldRedrawInPlaceWithStepLossThroughputAndEta() {
        // Given a bar of 10 steps on a clock we drive by hand
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "train", 10,
                clock::get);
        // When 3 steps of 1000 tokens each took 3 seconds
        clock.set(1_000_000_000L);
        bar.update(1, 2.5f, 1000);
        clock.set(3_000_000_000L);
        bar.update(3, 1.25f, 2000);
        bar.finish(3, 1.25f);
        // Then each draw starts with a carriage return and shows 3/10, the loss, 1000 tok/s, 7 s left
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rtrain [===>                          ] 1/10 loss 2.5000 1000 tok/s ETA 00:09");
        assertThat(out).contains("\rtrain [=========>                    ] 3/10 loss 1.2500 1000 tok/s ETA 00:07");
        assertThat(out).endsWith(System.lineSeparator());
    }
}
