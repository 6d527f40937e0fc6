package io.kefu.loadbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakResultTest {

  @Test
  void shouldCallResidentMemoryGrowingWhenItClimbsWhileTheHeapStaysFlat() {
    // Given eight samples whose heap after GC is constant while resident memory climbs 1 GiB per sample
    List<SoakSample> samples = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      samples.add(new SoakSample(30.0 * (i + 1), 200, 1000 + 1024.0 * i, 5, 100, 50, 10));
    }
    // When the soak is summarised
    SoakResult result = SoakResult.of(100, 240, samples, null);
    // Then the heap is flat, resident memory grows from the first quarter's mean to the last's, and lag is flat
    assertThat(result.heapFlat()).isTrue();
    assertThat(result.residentFirstQuartileMib()).isEqualTo(1512.0);
    assertThat(result.residentLastQuartileMib()).isEqualTo(7656.0);
    assertThat(result.residentFlat()).isFalse();
    assertThat(result.lagFlat()).isTrue();
  }

  @Test
  void shouldCallResidentMemoryFlatWithinTenPercentOrSixtyFourMib() {
    // Given resident memory wandering between 1,300 and 1,420 MiB (within 10% of 1,300)
    double[] resident = {1300, 1420, 1350, 1310, 1400, 1390, 1360, 1420};
    List<SoakSample> samples = new ArrayList<>();
    for (int i = 0; i < resident.length; i++) {
      samples.add(new SoakSample(30.0 * (i + 1), 200, resident[i], 5, 100, 50, 10));
    }
    // When the soak is summarised, then resident memory counts as flat
    assertThat(SoakResult.of(100, 240, samples, null).residentFlat()).isTrue();
  }

  @Test
  void shouldReportResidentMemoryAsNotMeasuredRatherThanGrowingWhereTheSystemDoesNotTellIt() {
    // Given samples without a resident figure (not Linux)
    List<SoakSample> samples = List.of(new SoakSample(30, 200, Double.NaN, 5, 100, 50, 10),
        new SoakSample(60, 200, Double.NaN, 5, 100, 50, 10));
    // When the soak is summarised, then the trend is unknown, not a failure
    SoakResult result = SoakResult.of(100, 60, samples, null);
    assertThat(result.residentFirstQuartileMib()).isNaN();
    assertThat(result.residentFlat()).isTrue();
  }

  @Test
  void shouldReadTheResidentSetFromAProcStatusFile(@TempDir Path dir) throws IOException {
    // Given a status file as Linux writes it, and one without the line
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t  994068 kB\nRssAnon:\t 900000 kB\n");
    Path other = dir.resolve("other");
    Files.writeString(other, "Name:\tjava\n");
    // When it is read, then VmRSS is returned in MiB, and NaN where there is none (or no file)
    assertThat(HeapProbe.residentMib(status)).isEqualTo(994068 / 1024.0);
    assertThat(HeapProbe.residentMib(other)).isNaN();
    assertThat(HeapProbe.residentMib(dir.resolve("missing"))).isNaN();
  }
}
