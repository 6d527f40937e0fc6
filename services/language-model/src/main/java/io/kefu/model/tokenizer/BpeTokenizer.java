package io.kefu.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE: 256 byte tokens, the {@link SpecialToken}s, then learned merges of two tokens.
 *
 * <p>Text is never mapped to an unknown token: any string becomes UTF-8 bytes (see {@link
 * Utf8Codec} for unpaired surrogates), split by {@link PreTokenizer}, and each chunk's bytes are
 * merged greedily by merge rank. Marker strings such as {@code <|end|>} inside text are ordinary
 * bytes, so customer text cannot inject a special token. Instances are immutable and thread-safe.
 */
public final class BpeTokenizer {

    /** Format tag written to and required in tokenizer.json. */
    public static final String FORMAT = "kefu-byte-bpe-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Most chunks whose ids are remembered; the memory is emptied when it is full. */
    static final int CHUNK_CACHE_LIMIT = 50_000;

    /** Longest chunk (UTF-16 chars) whose ids are remembered, so pathological input does not fill memory. */
    static final int CACHED_CHUNK_CHARS = 48;

    private final int[][] merges;
    private final PairRanks rankOfPair;
    private final byte[][] bytesOfToken;
    /**
     * Ids of recently seen chunks (words, numbers, runs of punctuation): a reply service tokenizes a
     * conversation's recent turns again for every message, so most chunks recur.
     */
    private final Map<String, int[]> chunkIds = new ConcurrentHashMap<>();

    /**
     * Creates a tokenizer from its merges.
     *
     * @param merges pairs of token ids; merge i creates token {@code SpecialToken.firstMergeId() + i}
     */
    public BpeTokenizer(List<int[]> merges) {
        int first = SpecialToken.firstMergeId();
        this.merges = new int[merges.size()][];
        this.rankOfPair = new PairRanks(merges.size());
        this.bytesOfToken = new byte[first + merges.size()][];
        for (int b = 0; b < SpecialToken.BYTE_TOKENS; b++) {
            bytesOfToken[b] = new byte[] {(byte) b};
        }
        for (SpecialToken special : SpecialToken.values()) {
            bytesOfToken[special.id()] = special.text().getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < merges.size(); i++) {
            int[] pair = merges.get(i);
            int id = first + i;
            if (pair.length != 2) {
                throw new IllegalArgumentException("merge " + i + " must have 2 ids, had " + pair.length);
            }
            for (int part : pair) {
                if (part < 0 || part >= id || SpecialToken.ofId(part) != null) {
                    throw new IllegalArgumentException("merge " + i + " refers to id " + part
                            + ", expected a byte or an earlier merge in [0, " + id + ") that is not special");
                }
            }
            if (!rankOfPair.putIfAbsent(pair[0], pair[1], i)) {
                throw new IllegalArgumentException("merge " + i + " repeats pair " + Arrays.toString(pair));
            }
            this.merges[i] = pair.clone();
            byte[] left = bytesOfToken[pair[0]];
            byte[] right = bytesOfToken[pair[1]];
            byte[] joined = Arrays.copyOf(left, left.length + right.length);
            System.arraycopy(right, 0, joined, left.length, right.length);
            bytesOfToken[id] = joined;
        }
    }

    /**
     * Returns a tokenizer with no merges: one token per byte.
     *
     * @return the byte-level tokenizer
     */
    public static BpeTokenizer bytesOnly() {
        return new BpeTokenizer(List.of());
    }

    /**
     * Returns the number of token ids.
     *
     * @return 256 + special tokens + merges
     */
    public int vocabSize() {
        return bytesOfToken.length;
    }

    /**
     * Returns the number of learned merges.
     *
     * @return merge count
     */
    public int mergeCount() {
        return merges.length;
    }

    /**
     * Encodes plain text (no special tokens).
     *
     * @param text any string
     * @return token ids
     */
    public int[] encode(String text) {
        String clean = Utf8Codec.sanitize(text);
        IntList out = new IntList(clean.length());
        for (String chunk : PreTokenizer.split(clean)) {
            if (chunk.length() > CACHED_CHUNK_CHARS) {
                encodeChunk(Utf8Codec.encode(chunk), out);
                continue;
            }
            int[] ids = chunkIds.get(chunk);
            if (ids == null) {
                IntList fresh = new IntList(chunk.length());
                encodeChunk(Utf8Codec.encode(chunk), fresh);
                ids = fresh.toArray();
                if (chunkIds.size() >= CHUNK_CACHE_LIMIT) {
                    chunkIds.clear();
                }
                chunkIds.put(chunk, ids);
            }
            out.addAll(ids);
        }
        return out.toArray();
    }

    private void encodeChunk(byte[] bytes, IntList out) {
        int[] symbols = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            symbols[i] = bytes[i] & 0xFF;
        }
        int length = symbols.length;
        while (length > 1) {
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < length; i++) {
                int rank = rankOfPair.rank(symbols[i], symbols[i + 1]);
                if (rank < bestRank) {
                    bestRank = rank;
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            int left = merges[bestRank][0];
            int right = merges[bestRank][1];
            int merged = SpecialToken.firstMergeId() + bestRank;
            int write = 0;
            for (int read = 0; read < length; read++) {
                if (read + 1 < length && symbols[read] == left && symbols[read + 1] == right) {
                    symbols[write++] = merged;
                    read++;
                } else {
                    symbols[write++] = symbols[read];
                }
            }
            length = write;
        }
        for (int i = 0; i < length; i++) {
            out.add(symbols[i]);
        }
    }

    /**
     * Decodes ids to text; special tokens render as their marker text.
     *
     * @param ids token ids
     * @return the text (exactly the encoded text for ids from {@link #encode})
     */
    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /**
     * Decodes a range of ids to text.
     *
     * @param ids token ids
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the text
     */
    public String decode(int[] ids, int from, int to) {
        int total = 0;
        for (int i = from; i < to; i++) {
            total += tokenBytes(ids[i]).length;
        }
        byte[] bytes = new byte[total];
        int offset = 0;
        for (int i = from; i < to; i++) {
            byte[] part = tokenBytes(ids[i]);
            System.arraycopy(part, 0, bytes, offset, part.length);
            offset += part.length;
        }
        return Utf8Codec.decode(bytes, total);
    }

    private byte[] tokenBytes(int id) {
        if (id < 0 || id >= bytesOfToken.length) {
            throw new IllegalArgumentException("token id must be in [0, " + bytesOfToken.length + "), was " + id);
        }
        return bytesOfToken[id];
    }

    /**
     * Serializes the tokenizer as JSON.
     *
     * @return the JSON document
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("byteTokens", SpecialToken.BYTE_TOKENS);
        ObjectNode specials = root.putObject("specialTokens");
        for (SpecialToken special : SpecialToken.values()) {
            specials.put(special.text(), special.id());
        }
        ArrayNode list = root.putArray("merges");
        for (int[] merge : merges) {
            list.addArray().add(merge[0]).add(merge[1]);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize tokenizer", e);
        }
    }

    /**
     * Parses a tokenizer written by {@link #toJson}.
     *
     * @param json the JSON document
     * @return the tokenizer
     */
    public static BpeTokenizer fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("tokenizer JSON is not valid JSON: " + e.getMessage(), e);
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("tokenizer format must be " + FORMAT + ", was '" + format + "'");
        }
        for (SpecialToken special : SpecialToken.values()) {
            int id = root.path("specialTokens").path(special.text()).asInt(-1);
            if (id != special.id()) {
                throw new IllegalArgumentException("tokenizer JSON gives " + special.text() + " id " + id
                        + ", expected " + special.id());
            }
        }
        List<int[]> merges = new ArrayList<>();
        for (JsonNode pair : root.path("merges")) {
            merges.add(new int[] {pair.get(0).asInt(), pair.get(1).asInt()});
        }
        return new BpeTokenizer(merges);
    }

    /**
     * Writes tokenizer.json.
     *
     * @param file target file
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a tokenizer.json file.
     *
     * @param file the file
     * @return the tokenizer
     * @throws IOException if reading fails
     */
    public static BpeTokenizer load(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }
}
