package io.kefu.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Copy drills mixed into base training: the customer asks to have a few reference numbers repeated ("repeat:
 * ORD-48213907 $162.95") and the reply is exactly those numbers. A reply in the seed corpus repeats the customer's
 * order number in only about one conversation in twenty, too rarely for a small model to learn, within minutes of
 * training, the attention pattern that copies ("the token after the one that matches mine"); dense drills teach it,
 * and the corpus's complete replies then use it for order numbers and amounts the model has never seen.
 *
 * <p>The drill's opening word ({@link #OPENING_EN} or {@link #OPENING_ZH}) never occurs in the seed corpus, so the
 * echo is tied to it and does not leak into ordinary replies.
 */
public final class CopyDrills {
    /** What an English drill message starts with. */
    public static final String OPENING_EN = "repeat:";
    /** What a Chinese drill message starts with. */
    public static final String OPENING_ZH = "复述：";

    private static final String[] PREFIXES = {"ORD-", "ORD-", "ORD-", "#", "No.", "$", "¥", ""};

    private CopyDrills() {}

    /**
     * Generates drills.
     *
     * @param count how many
     * @param seed the random seed; the same seed gives the same drills
     * @return {@code count} examples, each with an empty context and weight 1
     */
    public static List<ReplyExample> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        Random random = new Random(seed ^ 0x6A09E667F3BCC909L);
        List<ReplyExample> drills = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int codes = 1 + random.nextInt(3);
            StringBuilder reply = new StringBuilder();
            for (int c = 0; c < codes; c++) {
                if (c > 0) {
                    reply.append(' ');
                }
                reply.append(code(random));
            }
            String opening = random.nextBoolean() ? OPENING_EN + " " : OPENING_ZH;
            drills.add(ReplyExample.positive(List.of(), opening + reply, reply.toString()));
        }
        return drills;
    }

    private static String code(Random random) {
        String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
        int digits = prefix.equals("ORD-") ? 8 : 2 + random.nextInt(9);
        StringBuilder code = new StringBuilder(prefix);
        for (int d = 0; d < digits; d++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        if ((prefix.equals("$") || prefix.equals("¥")) && random.nextBoolean()) {
            code.append('.').append((char) ('0' + random.nextInt(10))).append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }
}
