package io.kefu.model.bench;

import java.util.List;

/**
 * Reply quality of a model on held-out conversations, per locale, per intent and overall, with the intents the
 * judge read instead of the expected one.
 *
 * @param model name@version
 * @param perLocale one row per locale
 * @param overall all locales together
 * @param seconds time taken
 * @param samples a few judged replies, for people to read
 * @param perIntent one row per (locale, intent), ordered by locale then intent
 * @param confusions replies that missed their intent, grouped by (locale, expected, judged), most frequent first
 */
public record EvalReport(String model, List<Row> perLocale, Row overall, double seconds, List<Sample> samples,
        List<IntentRow> perIntent, List<Confusion> confusions) {

    /** What the confusion list shows for a reply the judge reads no intent in (none matched, or a tie). */
    public static final String NO_INTENT = "(none)";

    /** Copies the lists. */
    public EvalReport {
        perLocale = List.copyOf(perLocale);
        samples = List.copyOf(samples);
        perIntent = List.copyOf(perIntent);
        confusions = List.copyOf(confusions);
    }

    /**
     * Figures for one group of conversations.
     *
     * @param locale the locale, or ALL
     * @param conversations how many
     * @param addressedPercent replies the judge finds addressing the intent, in percent
     * @param endsProperlyPercent replies ending properly, in percent
     * @param stoppedAtEndPercent replies that stopped at {@code <|end|>}, in percent
     * @param meanLogProb mean token log-probability (confidence)
     */
    public record Row(String locale, int conversations, double addressedPercent, double endsProperlyPercent,
            double stoppedAtEndPercent, double meanLogProb) {}

    /**
     * How often the replies to one intent in one locale address it.
     *
     * @param locale the locale
     * @param intent the customer's intent
     * @param conversations how many held-out conversations had this intent
     * @param addressed how many replies the judge finds addressing it
     * @param endsProperly how many replies end properly
     */
    public record IntentRow(String locale, String intent, int conversations, int addressed, int endsProperly) {

        /**
         * Returns the share of replies addressing the intent.
         *
         * @return percent, 0 when there were no conversations
         */
        public double addressedPercent() {
            return conversations == 0 ? 0 : 100.0 * addressed / conversations;
        }
    }

    /**
     * Replies to one intent that the judge read as another (or as none).
     *
     * @param locale the locale
     * @param expected the customer's intent
     * @param judged the intent the judge read in the reply, or {@link #NO_INTENT}
     * @param count how many replies
     */
    public record Confusion(String locale, String expected, String judged, int count) {}

    /**
     * One judged reply.
     *
     * @param intent the intent
     * @param locale the locale
     * @param message the customer message
     * @param reply the generated reply
     * @param addressed the judge's verdict on the intent
     * @param endsProperly the judge's verdict on the ending
     */
    public record Sample(String intent, String locale, String message, String reply, boolean addressed,
            boolean endsProperly) {}
}
