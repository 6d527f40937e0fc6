package io.kefu.model.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts judged replies into the {@link EvalReport}'s per-locale, per-intent and confusion figures. */
final class QualityTally {

    private static final int SAMPLES_PER_LOCALE = 3;

    private final Map<String, Group> byLocale = new TreeMap<>();
    private final Group all = new Group();
    private final Map<IntentKey, int[]> byIntent = new TreeMap<>(IntentKey.ORDER);
    private final Map<ConfusionKey, Integer> confusions = new TreeMap<>(ConfusionKey.ORDER);
    private final List<EvalReport.Sample> samples = new ArrayList<>();
    private final Map<String, Integer> sampled = new TreeMap<>();

    /**
     * Counts one judged reply.
     *
     * @param judged the reply and its verdicts
     */
    void add(JudgedReply judged) {
        EvalCase c = judged.evalCase();
        byLocale.computeIfAbsent(c.locale(), locale -> new Group()).add(judged);
        all.add(judged);
        int[] counts = byIntent.computeIfAbsent(new IntentKey(c.locale(), c.intent()), key -> new int[3]);
        counts[0]++;
        counts[1] += judged.addressed() ? 1 : 0;
        counts[2] += judged.endsProperly() ? 1 : 0;
        if (!judged.addressed()) {
            String read = judged.judgedIntent().orElse(EvalReport.NO_INTENT);
            confusions.merge(new ConfusionKey(c.locale(), c.intent(), read), 1, Integer::sum);
        }
        if (sampled.merge(c.locale(), 1, Integer::sum) <= SAMPLES_PER_LOCALE) {
            samples.add(new EvalReport.Sample(c.intent(), c.locale(), c.message(), judged.reply(), judged.addressed(),
                    judged.endsProperly()));
        }
    }

    /**
     * Returns the report of everything counted so far.
     *
     * @param model name@version of the model judged
     * @param seconds how long the evaluation took
     * @return the report
     */
    EvalReport report(String model, double seconds) {
        List<EvalReport.Row> rows = new ArrayList<>();
        byLocale.forEach((locale, group) -> rows.add(group.row(locale)));
        List<EvalReport.IntentRow> intents = new ArrayList<>();
        byIntent.forEach((key, counts) -> intents.add(
                new EvalReport.IntentRow(key.locale(), key.intent(), counts[0], counts[1], counts[2])));
        List<EvalReport.Confusion> missed = new ArrayList<>();
        confusions.forEach((key, count) -> missed.add(new EvalReport.Confusion(key.locale(), key.expected(),
                key.judged(), count)));
        // Most frequent first; the key order (locale, expected, judged) breaks ties, so the list is deterministic.
        missed.sort(Comparator.comparingInt(EvalReport.Confusion::count).reversed());
        return new EvalReport(model, rows, all.row("ALL"), seconds, samples, intents, missed);
    }

    /** A (locale, intent) cell of the per-intent table. */
    private record IntentKey(String locale, String intent) {
        static final Comparator<IntentKey> ORDER = Comparator.comparing(IntentKey::locale)
                .thenComparing(IntentKey::intent);
    }

    /** A (locale, expected intent, judged intent) cell of the confusion list. */
    private record ConfusionKey(String locale, String expected, String judged) {
        static final Comparator<ConfusionKey> ORDER = Comparator.comparing(ConfusionKey::locale)
                .thenComparing(ConfusionKey::expected).thenComparing(ConfusionKey::judged);
    }

    /** Running sums for one locale or for all. */
    private static final class Group {
        private int count;
        private int addressed;
        private int ends;
        private int stopped;
        private double logProb;

        void add(JudgedReply judged) {
            count++;
            addressed += judged.addressed() ? 1 : 0;
            ends += judged.endsProperly() ? 1 : 0;
            stopped += judged.stoppedAtEnd() ? 1 : 0;
            logProb += judged.meanLogProb();
        }

        EvalReport.Row row(String locale) {
            double n = Math.max(1, count);
            return new EvalReport.Row(locale, count, 100.0 * addressed / n, 100.0 * ends / n, 100.0 * stopped / n,
                    logProb / n);
        }
    }
}
