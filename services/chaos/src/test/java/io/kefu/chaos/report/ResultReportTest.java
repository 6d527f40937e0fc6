package io.kefu.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultReportTest {
  private static final ChaosResult PASSED = new ChaosResult("crash reply-service", "10 messages / 2 conversations",
      "2 x SIGKILL", 2, 10, 10, 0, 0, 0, Duration.ofMillis(12_340), details());

  private static Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("handoffs", 4);
    return details;
  }

  @Test
  void shouldPrintOneRowPerRunUnderTheHeaderFollowedByTheDetails() {
    // Given a passed run
    // When it is rendered as a table
    String table = ResultTable.render(List.of(PASSED));

    // Then the header, a rule, the row and the details appear in that order
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0)).isEqualTo("| test                | load                          | faults injected |"
        + " records in | records out | lost | duplicated | order violations | elapsed | result |");
    assertThat(lines.get(1)).matches("\\|[- |]+\\|");
    assertThat(lines.get(2)).isEqualTo("| crash reply-service | 10 messages / 2 conversations | 2 x SIGKILL     |"
        + " 10         | 10          | 0    | 0          | 0                | 12.3 s  | PASS   |");
    assertThat(lines.subList(3, lines.size())).containsExactly("", "crash reply-service:", "  handoffs: 4");
  }

  @Test
  void shouldWriteTheSameFiguresAsJson() throws Exception {
    // Given a run that lost a message
    ChaosResult failed = new ChaosResult("zombie fencing", "5 messages / 1 conversations", "SIGSTOP", 1, 5, 4, 1, 0,
        0, Duration.ofSeconds(3), Map.of());

    // When both runs are written as JSON
    JsonNode root = new ObjectMapper().readTree(ResultJson.render(List.of(PASSED, failed)));

    // Then each figure is a field, and passed is false where anything was lost
    JsonNode first = root.get("results").get(0);
    assertThat(first.get("test").asText()).isEqualTo("crash reply-service");
    assertThat(first.get("faultCount").asInt()).isEqualTo(2);
    assertThat(first.get("recordsIn").asLong()).isEqualTo(10);
    assertThat(first.get("recordsOut").asLong()).isEqualTo(10);
    assertThat(first.get("elapsedMs").asLong()).isEqualTo(12_340);
    assertThat(first.get("passed").asBoolean()).isTrue();
    assertThat(first.get("details").get("handoffs").asInt()).isEqualTo(4);
    JsonNode second = root.get("results").get(1);
    assertThat(second.get("lost").asLong()).isEqualTo(1);
    assertThat(second.get("passed").asBoolean()).isFalse();
  }
}
