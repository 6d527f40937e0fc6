package io.kefu.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Perturbs customer messages so a small model learns intents from words, not whole phrasings:
 * drops some words (or Chinese characters), sometimes lower-cases, sometimes strips punctuation.
 * Replies are never changed. Deterministic for a given random source.
 */
public final class MessageNoise {

    private final double share;
    private final double dropRate;

    /**
     * Creates the noise.
     *
     * @param share fraction of examples that get a perturbed message
     * @param dropRate chance of dropping each word or Chinese character
     */
    public MessageNoise(double share, double dropRate) {
        if (share < 0 || share > 1 || dropRate < 0 || dropRate >= 1) {
            throw new IllegalArgumentException("share must be in [0, 1] and dropRate in [0, 1), were " + share
                    + " and " + dropRate);
        }
        this.share = share;
        this.dropRate = dropRate;
    }

    /**
     * Returns the examples with a share of their messages perturbed.
     *
     * @param examples the examples
     * @param seed seed of the perturbations
     * @return new examples, same order and count
     */
    public List<ReplyExample> apply(List<ReplyExample> examples, long seed) {
        Random random = new Random(seed);
        List<ReplyExample> out = new ArrayList<>(examples.size());
        for (ReplyExample example : examples) {
            if (random.nextDouble() < share) {
                out.add(new ReplyExample(example.context(), perturb(example.message(), random), example.reply(),
                        example.weight(), example.scope()));
            } else {
                out.add(example);
            }
        }
        return out;
    }

    /**
     * Perturbs one message.
     *
     * @param message the message
     * @param random the random source
     * @return the perturbed message, never empty when the message is not
     */
    public String perturb(String message, Random random) {
        boolean spaced = message.indexOf(' ') >= 0;
        List<String> units = new ArrayList<>();
        if (spaced) {
            units.addAll(List.of(message.split(" ")));
        } else {
            message.codePoints().forEach(cp -> units.add(new String(Character.toChars(cp))));
        }
        StringBuilder out = new StringBuilder();
        for (String unit : units) {
            if (units.size() > 2 && random.nextDouble() < dropRate) {
                continue;
            }
            if (spaced && out.length() > 0) {
                out.append(' ');
            }
            out.append(unit);
        }
        String text = out.length() == 0 ? message : out.toString();
        if (random.nextDouble() < 0.3) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (random.nextDouble() < 0.2) {
            String stripped = text.replaceAll("[\\p{Punct}，。？！、]+$", "");
            text = stripped.isEmpty() ? text : stripped;
        }
        return text;
    }
}
