package io.kefu.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {

    @Test
    void shouldRiseLinearlyThenFollowTheCosineDownToTheFloor() {
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(1e-3f, 1e-4f, 10, 110);
        assertThat(schedule.rate(1)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(schedule.rate(5)).isCloseTo(5e-4f, within(1e-9f));
        assertThat(schedule.rate(10)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(schedule.rate(60)).isCloseTo(5.5e-4f, within(1e-9f));
        assertThat(schedule.rate(110)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(schedule.rate(500)).isCloseTo(1e-4f, within(1e-9f));
    }

    @Test
    void shouldCompleteTheDecayEarlierWhenFittedToFewerSteps() {
        WarmupCosineSchedule schedule = new WarmupCosineSchedule(1e-3f, 1e-4f, 10, 110);
        schedule.fitTo(60);
        assertThat(schedule.rate(35)).isCloseTo(5.5e-4f, within(1e-9f));
        assertThat(schedule.rate(60)).isCloseTo(1e-4f, within(1e-9f));
        schedule.fitTo(1000);
        assertThat(schedule.totalSteps()).isEqualTo(110);
    }
}
