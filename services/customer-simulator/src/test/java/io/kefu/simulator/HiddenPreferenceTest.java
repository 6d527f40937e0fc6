package io.kefu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kefu.contract.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HiddenPreferenceTest {
  private static final SimulatedCustomer ORDER_CUSTOMER =
      new SimulatedCustomer("Where is my order A1234567?", Locale.EN, "order_status", "A1234567");
  private static final SimulatedCustomer NO_ORDER_CUSTOMER =
      new SimulatedCustomer("What are your store hours?", Locale.EN, "store_hours", null);
  private final HiddenPreference preference = new HiddenPreference(5, 3, 2, 1, 0.0);

  @Test
  void shouldGiveFiveStarsOnlyToAReplyWithTheOrderNumberAndANextStep() {
    assertThat(preference.stars(ORDER_CUSTOMER, new ReplyAssessment(true, true, true))).isEqualTo(5);
    assertThat(preference.stars(ORDER_CUSTOMER, new ReplyAssessment(true, true, false))).isEqualTo(3);
    assertThat(preference.stars(ORDER_CUSTOMER, new ReplyAssessment(true, false, true))).isEqualTo(3);
    assertThat(preference.stars(ORDER_CUSTOMER, new ReplyAssessment(true, false, false))).isEqualTo(2);
    assertThat(preference.stars(ORDER_CUSTOMER, new ReplyAssessment(false, true, true))).isEqualTo(1);
  }

  @Test
  void shouldNotAskForAnOrderNumberTheCustomerNeverGave() {
    assertThat(preference.stars(NO_ORDER_CUSTOMER, new ReplyAssessment(true, false, true))).isEqualTo(5);
    assertThat(preference.stars(NO_ORDER_CUSTOMER, new ReplyAssessment(true, false, false))).isEqualTo(3);
  }

  @Test
  void shouldMoveRatingsByOneStarAsOftenAsTheNoiseSaysWithinOneToFive() {
    // Given 30% noise and 20,000 complete replies (5 stars before noise)
    HiddenPreference noisy = new HiddenPreference(5, 3, 2, 1, 0.3);
    SplittableRandom random = new SplittableRandom(7);
    int moved = 0;
    for (int i = 0; i < 20_000; i++) {
      int stars = noisy.rate(ORDER_CUSTOMER, new ReplyAssessment(true, true, true), random);
      // Then a 5 only ever becomes a 4 (never 6)
      assertThat(stars).isIn(4, 5);
      if (stars == 4) {
        moved++;
      }
    }
    // And half the noisy draws go down: 15% of ratings, within 4 standard deviations (0.0101)
    assertThat(moved / 20_000.0).isCloseTo(0.15, within(0.0101));
  }

  @Test
  void shouldRefuseStarsOutsideOneToFive() {
    assertThatThrownBy(() -> new HiddenPreference(6, 3, 2, 1, 0))
        .hasMessage("preference stars must be 1..5, were complete 6, partial 3, vague 2, wrong 1");
  }
}
