package io.kefu.model.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into chunks that BPE merges never cross, so merges stay inside words.
 *
 * <p>Rules, by code point: every digit is its own chunk (order numbers and amounts stay one token
 * per digit, which a small model copies reliably); a run of letters and combining marks (Latin
 * words, runs of Chinese characters) is one chunk and takes one preceding space with it; a run of
 * other whitespace is one chunk; any other code point (punctuation, symbols, emoji, controls) is a
 * chunk of its own, also taking one preceding space. Concatenating the chunks gives back the text.
 */
public final class PreTokenizer {

    private PreTokenizer() {}

    /**
     * Splits the text.
     *
     * @param text valid Unicode text (see {@link Utf8Codec#sanitize})
     * @return chunks whose concatenation equals the text
     */
    public static List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            int cp = text.codePointAt(i);
            if (cp == ' ' && i + 1 < n) {
                int next = text.codePointAt(i + 1);
                if (!Character.isWhitespace(next) && !Character.isDigit(next)) {
                    i++;
                    cp = next;
                }
            }
            if (Character.isDigit(cp)) {
                i += Character.charCount(cp);
            } else if (isWordPart(cp)) {
                while (i < n && isWordPart(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
            } else if (Character.isWhitespace(cp)) {
                while (i < n && Character.isWhitespace(text.codePointAt(i))
                        && !(text.codePointAt(i) == ' ' && i + 1 < n && startsWordOrSymbol(text, i + 1))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                if (i == start) {
                    i += Character.charCount(cp);
                }
            } else {
                i += Character.charCount(cp);
            }
            chunks.add(text.substring(start, i));
        }
        return chunks;
    }

    private static boolean startsWordOrSymbol(String text, int index) {
        int cp = text.codePointAt(index);
        return !Character.isWhitespace(cp) && !Character.isDigit(cp);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
