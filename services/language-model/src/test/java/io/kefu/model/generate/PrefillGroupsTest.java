package io.kefu.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefillGroupsTest {

    @Test
    void shouldPrefillPromptsOfNearlyEqualLengthInOnePass() {
        // Given four prompts of 30 to 33 tokens and a pass cost of 32 tokens
        int[] lengths = {33, 30, 32, 31};
        // When the groups are planned
        PrefillGroups groups = PrefillGroups.plan(lengths, 32);
        // Then one pass takes them all, shortest first: 32 + 4 * 33 beats any split
        assertThat(groups.order()).containsExactly(1, 3, 2, 0);
        assertThat(groups.ends()).containsExactly(4);
    }

    @Test
    void shouldGiveLongPromptsTheirOwnPassWhenPaddingShortOnesCostsMoreThanAPass() {
        // Given three short prompts and two long ones, interleaved
        int[] lengths = {80, 12, 14, 78, 10};
        // When the groups are planned with a pass cost of 32 tokens
        PrefillGroups groups = PrefillGroups.plan(lengths, 32);
        // Then the short ones share a pass padded to 14 and the long ones one padded to 80:
        // 32 + 3 * 14 + 32 + 2 * 80 = 266 tokens, against 32 + 5 * 80 = 432 for a single pass
        assertThat(groups.order()).containsExactly(4, 1, 2, 3, 0);
        assertThat(groups.ends()).containsExactly(3, 5);
        assertThat(groups.count()).isEqualTo(2);
        assertThat(groups.start(1)).isEqualTo(3);
    }

    @Test
    void shouldPlanOnePassPerPromptWhenPassesCostNothing() {
        // Given prompts of three distinct lengths and free passes
        int[] lengths = {5, 9, 7};
        // When the groups are planned
        PrefillGroups groups = PrefillGroups.plan(lengths, 0);
        // Then no prompt is padded: the first cut found at equal cost keeps them apart
        assertThat(groups.order()).containsExactly(0, 2, 1);
        assertThat(groups.ends()).containsExactly(1, 2, 3);
    }
}
