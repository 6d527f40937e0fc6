package io.kefu.model.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

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
        if (!hasSurrogate(text)) {
            return text.getBytes(StandardCharsets.UTF_8); // exact: only unpaired surrogates need replacing
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoder with REPLACE action failed", e);
        }
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

    private static boolean hasSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
