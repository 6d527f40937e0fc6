package io.kefu.model.tokenizer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Converts between Java strings and UTF-8 bytes with one fixed policy for what UTF-8 cannot hold.
 *
 * <p>A Java string may contain an unpaired surrogate, which is not a Unicode scalar value and has
 * no UTF-8 form. Each unpaired surrogate is replaced by U+FFFD REPLACEMENT CHARACTER (bytes
 * {@code EF BF BD}) before encoding, always, so the same input always yields the same tokens. Every
 * string of valid Unicode (no unpaired surrogates) round-trips exactly. In the other direction,
 * byte sequences that are not valid UTF-8 (a model can emit half a character) decode to U+FFFD
 * per malformed sequence, as {@link java.nio.charset.StandardCharsets#UTF_8} does.
 */
public final class Utf8Codec {

    private Utf8Codec() {}

    /**
     * Returns the text with every unpaired surrogate replaced by U+FFFD.
     *
     * @param text any Java string
     * @return the same string when it is valid Unicode
     */
    public static String sanitize(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean paired;
            if (Character.isHighSurrogate(c)) {
                paired = i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                paired = !Character.isLowSurrogate(c);
            }
            if (!paired && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Encodes text to UTF-8 under the replacement policy above.
     *
     * @param text any Java string
     * @return its UTF-8 bytes
     */
    public static byte[] encode(String text) {
        // Exact once no unpaired surrogate is left: String.getBytes would write '?' for one.
        return sanitize(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes UTF-8 bytes, replacing each malformed sequence with U+FFFD.
     *
     * @param bytes the bytes
     * @param length how many bytes from the start to decode
     * @return the text
     */
    public static String decode(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 decoder with REPLACE action failed", e);
        }
    }
}
