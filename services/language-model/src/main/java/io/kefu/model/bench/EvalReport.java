package io.kefu.model.bench;

import java.util.List;

/**
 * Reply quality of a model on held-out conversations, per locale and overall.
 *
 * @param model name@version
 * @param perLocale one row per locale
 * @param overall all locales together
 * @param seconds time taken
 * @param samples a few judged replies, for people to read
 */
public record EvalReport(String model, List<Row> perLocale, Row overall, double seconds, List<Sample> samples) {

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
