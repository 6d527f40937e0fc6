package io.kefu.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.contract.Locale;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatClientMainTest {

  @Test
  void shouldParseFourArgumentsWithADefaultRatingOfFive() {
    // When the command line has no rating
    ChatClientMain.Arguments parsed = ChatClientMain.Arguments.parse(
        new String[] {"localhost:29092", "http://localhost:8081", "我的订单在哪里？", "zh"});

    // Then the locale is read case-insensitively and the rating is 5
    assertThat(parsed).isEqualTo(new ChatClientMain.Arguments("localhost:29092", "http://localhost:8081",
        "我的订单在哪里？", Locale.ZH, 5));
  }

  @Test
  void shouldRefuseARatingOutsideOneToFive() {
    assertThatThrownBy(() -> ChatClientMain.Arguments.parse(new String[] {"b:1", "http://r", "hi", "EN", "7"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rating must be 1..5, was 7");
  }

  @Test
  void shouldRefuseAnUnknownLocaleNamingTheKnownOnes() {
    assertThatThrownBy(() -> ChatClientMain.Arguments.parse(new String[] {"b:1", "http://r", "hi", "fr"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("locale must be one of [EN, ZH, UNKNOWN], was 'fr'");
  }

  @Test
  void shouldExitWithTwoAndPrintUsageWhenArgumentsAreMissing() {
    // Given captured output
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    // When run with only two arguments
    int code = ChatClientMain.run(new String[] {"b:1", "http://r"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    // Then nothing is sent and the usage is printed
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("expected 4 or 5 arguments, got 2\n" + ChatClientMain.USAGE + "\n");
  }
}
