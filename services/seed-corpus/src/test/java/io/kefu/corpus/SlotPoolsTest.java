package io.kefu.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Held-out numbers and dates are new values written like the train ones, not values from another range. */
class SlotPoolsTest {

  @Test
  void shouldSplitNumbersByRemainderSoTheSplitsAreDisjointButCoverTheSameRange() {
    // Given many numbers from each pool of [10, 80)
    Random random = new Random(5);
    Set<Integer> train = new HashSet<>();
    Set<Integer> held = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      train.add(SlotPools.inPool(true, 10, 70, random));
      held.add(SlotPools.inPool(false, 10, 70, random));
    }
    // Then held-out numbers are exactly those leaving 3 modulo 7, train ones all the others, both over the range
    assertThat(held).containsExactlyInAnyOrder(10, 17, 24, 31, 38, 45, 52, 59, 66, 73);
    assertThat(train).hasSize(60).allSatisfy(n -> assertThat(n).isBetween(10, 79))
        .doesNotContainAnyElementsOf(held);
  }

  @Test
  void shouldWriteHeldOutOrderNumbersAmountsAndDatesWithTheCharactersTrainingShows() {
    // Given the order numbers, amounts and dates of many English draws of each split
    Set<Character> trainFirstDigits = new HashSet<>();
    Set<Character> heldFirstDigits = new HashSet<>();
    Set<String> trainMonths = new HashSet<>();
    Set<String> heldMonths = new HashSet<>();
    Set<Integer> trainAmountLengths = new HashSet<>();
    Set<Integer> heldAmountLengths = new HashSet<>();
    Random random = new Random(8);
    for (int i = 0; i < 5_000; i++) {
      var t = SlotPools.draw(Split.TRAIN, Lang.EN, random);
      var h = SlotPools.draw(Split.HELD_OUT, Lang.EN, random);
      trainFirstDigits.add(t.get(Slot.ORDER).charAt(4));
      heldFirstDigits.add(h.get(Slot.ORDER).charAt(4));
      trainMonths.add(t.get(Slot.DATE).split(" ")[0]);
      heldMonths.add(h.get(Slot.DATE).split(" ")[0]);
      trainAmountLengths.add(t.get(Slot.AMOUNT).length());
      heldAmountLengths.add(h.get(Slot.AMOUNT).length());
    }
    // Then both splits use every leading digit 1-9, all twelve months, and two- and three-digit amounts
    List<Character> digits = List.of('1', '2', '3', '4', '5', '6', '7', '8', '9');
    assertThat(trainFirstDigits).containsExactlyInAnyOrderElementsOf(digits);
    assertThat(heldFirstDigits).containsExactlyInAnyOrderElementsOf(digits);
    assertThat(trainMonths).hasSize(12).isEqualTo(heldMonths);
    assertThat(trainAmountLengths).containsExactlyInAnyOrder(5, 6, 7);
    assertThat(heldAmountLengths).containsExactlyInAnyOrder(6, 7);
  }
}
