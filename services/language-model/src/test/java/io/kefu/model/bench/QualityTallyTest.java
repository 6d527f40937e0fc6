package io.kefu.model.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityTallyTest {

    private static JudgedReply judged(String locale, String intent, String judgedIntent, boolean endsProperly) {
        EvalCase c = new EvalCase(intent, locale, List.of(), "message");
        boolean addressed = intent.equals(judgedIntent);
        return new JudgedReply(c, "reply", addressed, endsProperly, true, -0.5, Optional.ofNullable(judgedIntent));
    }

    private static EvalReport sixReplies() {
        QualityTally tally = new QualityTally();
        tally.add(judged("EN", "REFUND", "REFUND", true));
        tally.add(judged("EN", "REFUND", "PAYMENT_FAILED", true));
        tally.add(judged("EN", "REFUND", "PAYMENT_FAILED", false));
        tally.add(judged("EN", "RETURN", null, true));
        tally.add(judged("ZH", "REFUND", "REFUND", true));
        tally.add(judged("ZH", "RETURN", "RETURN", true));
        return tally.report("m@1", 2.0);
    }

    @Test
    void shouldCountEachIntentOfEachLocaleExactly() {
        // Given six judged replies in two locales
        // When they are tallied
        EvalReport report = sixReplies();
        // Then each (locale, intent) row holds its own counts, ordered by locale then intent
        assertThat(report.perIntent()).containsExactly(
                new EvalReport.IntentRow("EN", "REFUND", 3, 1, 2),
                new EvalReport.IntentRow("EN", "RETURN", 1, 0, 1),
                new EvalReport.IntentRow("ZH", "REFUND", 1, 1, 1),
                new EvalReport.IntentRow("ZH", "RETURN", 1, 1, 1));
        assertThat(report.perIntent().get(0).addressedPercent()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset
                .offset(1e-9));
    }

    @Test
    void shouldListMissedIntentsMostFrequentFirstWithNoneForUnreadReplies() {
        // Given six judged replies, three of which miss their intent
        // When they are tallied
        EvalReport report = sixReplies();
        // Then the confusions are (expected -> judged) with counts, the most frequent first
        assertThat(report.confusions()).containsExactly(
                new EvalReport.Confusion("EN", "REFUND", "PAYMENT_FAILED", 2),
                new EvalReport.Confusion("EN", "RETURN", EvalReport.NO_INTENT, 1));
    }

    @Test
    void shouldKeepPerLocaleAndOverallFiguresAsBefore() {
        // Given six judged replies
        // When they are tallied
        EvalReport report = sixReplies();
        // Then EN has 1 of 4 addressed and 3 of 4 ending properly, ZH 2 of 2, and all 3 of 6 and 5 of 6
        assertThat(report.perLocale()).extracting(EvalReport.Row::locale).containsExactly("EN", "ZH");
        EvalReport.Row en = report.perLocale().get(0);
        assertThat(en.conversations()).isEqualTo(4);
        assertThat(en.addressedPercent()).isEqualTo(25.0);
        assertThat(en.endsProperlyPercent()).isEqualTo(75.0);
        assertThat(report.perLocale().get(1).addressedPercent()).isEqualTo(100.0);
        assertThat(report.overall().conversations()).isEqualTo(6);
        assertThat(report.overall().addressedPercent()).isEqualTo(50.0);
        assertThat(report.overall().meanLogProb()).isEqualTo(-0.5);
    }

    @Test
    void shouldPrintThePerIntentTableAndTheConfusions() {
        // Given the report of six judged replies
        EvalReport report = sixReplies();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // When it is printed
        Evaluator.printTable(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // Then the table shows each intent's addressed share per locale and each confusion with its count
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(String.format("%-20s %6s %14s %6s %14s", "intent", "EN n", "EN addressed%", "ZH n",
                "ZH addressed%"));
        assertThat(text).contains(String.format("%-20s %6d %14.1f %6d %14.1f", "REFUND", 3, 33.3, 1, 100.0));
        assertThat(text).contains(String.format("%-20s %6d %14.1f %6d %14.1f", "RETURN", 1, 0.0, 1, 100.0));
        assertThat(text).contains("missed intents (expected -> judged, count): 2 kinds");
        assertThat(text).contains(String.format("  %-3s %-20s -> %-20s %4d", "EN", "REFUND", "PAYMENT_FAILED", 2));
        assertThat(text).contains(String.format("  %-3s %-20s -> %-20s %4d", "EN", "RETURN", "(none)", 1));
    }

    @Test
    void shouldWriteTheSameFiguresAsJson() {
        // Given the report of six judged replies
        EvalReport report = sixReplies();
        // When it is serialized
        String json = Evaluator.toJson(report);
        // Then the JSON carries the per-intent rows and the confusions
        assertThat(json).contains("\"perIntent\"", "\"confusions\"", "\"judged\" : \"PAYMENT_FAILED\"",
                "\"addressedPercent\" : 25.0");
    }
}
