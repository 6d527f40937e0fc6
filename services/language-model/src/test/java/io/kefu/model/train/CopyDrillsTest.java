package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.corpus.Conversation;
import io.kefu.corpus.SeedCorpus;
import io.kefu.corpus.Split;
import io.kefu.corpus.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyDrillsTest {

    @Test
    void shouldAskForExactlyTheNumbersTheReplyRepeats() {
        // Given 500 drills
        List<ReplyExample> drills = CopyDrills.generate(500, 3);

        // Then each message is an opening followed by exactly the reply, the context is empty, the weight 1
        assertThat(drills).hasSize(500).allSatisfy(drill -> {
            assertThat(drill.context()).isEmpty();
            assertThat(drill.weight()).isEqualTo(1f);
            assertThat(List.of(CopyDrills.OPENING_EN + " " + drill.reply(), CopyDrills.OPENING_ZH + drill.reply()))
                    .contains(drill.message());
            assertThat(drill.reply()).matches("[0-9A-Za-z#$¥.\\- ]+").containsPattern("[0-9]{2}");
        });
        // And order numbers in the corpus's shape are among them
        assertThat(drills).filteredOn(d -> d.reply().matches(".*ORD-[0-9]{8}.*")).hasSizeGreaterThan(100);
    }

    @Test
    void shouldGiveTheSameDrillsForTheSameSeedAndOthersForAnother() {
        assertThat(CopyDrills.generate(50, 9)).isEqualTo(CopyDrills.generate(50, 9));
        assertThat(CopyDrills.generate(50, 9)).isNotEqualTo(CopyDrills.generate(50, 10));
    }

    @Test
    void shouldOpenWithWordsTheSeedCorpusNeverUses() {
        // Given 4,000 training and 1,000 held-out conversations of the seed corpus
        SeedCorpus corpus = SeedCorpus.withDefaults();
        List<Conversation> conversations = new java.util.ArrayList<>(corpus.generate(Split.TRAIN, 4_000, 1));
        conversations.addAll(corpus.generate(Split.HELD_OUT, 1_000, 1));

        // Then no turn of theirs holds a drill's opening, so the echo stays tied to drills
        assertThat(conversations).allSatisfy(c -> {
            StringBuilder all = new StringBuilder(c.customerMessage()).append('\n').append(c.reply());
            for (Turn turn : c.context()) {
                all.append('\n').append(turn.text());
            }
            assertThat(all.toString()).doesNotContain(CopyDrills.OPENING_EN, CopyDrills.OPENING_ZH);
        });
    }

    @Test
    void shouldRefuseANegativeCount() {
        assertThatThrownBy(() -> CopyDrills.generate(-1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be >= 0, was -1");
    }
}
