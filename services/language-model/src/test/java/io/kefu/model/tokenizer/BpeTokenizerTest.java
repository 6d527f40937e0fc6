package io.kefu.model.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {

    private static final List<String> CORPUS = List.of(
            "Where is my order 12345? It has not arrived yet.",
            "Your order 12345 shipped on Monday and will arrive soon.",
            "I want a refund for the blue kettle.",
            "我的订单12345还没有到，请帮我查一下。",
            "您的订单12345已经发货，预计明天送达。",
            "我想退货，商品有质量问题。",
            "Thanks for your patience! 感谢您的耐心等待 🙂");

    private static BpeTokenizer trained() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.addAll(CORPUS);
        }
        return new BpeTrainer(120, 2).train(texts);
    }

    @Test
    void shouldRoundTripThousandsOfRandomValidUnicodeStringsExactly() {
        // Given a tokenizer with learned merges and a seeded source of random code points
        BpeTokenizer tokenizer = trained();
        Random random = new Random(42);
        for (int n = 0; n < 3000; n++) {
            String text = randomValidUnicode(random, random.nextInt(40));
            // When it is encoded and decoded
            String back = tokenizer.decode(tokenizer.encode(text));
            // Then it is exactly the original
            assertThat(back).as("round trip of %s", codePoints(text)).isEqualTo(text);
        }
    }

    @Test
    void shouldRoundTripChineseEmojiMixedScriptsAndControlCharacters() {
        BpeTokenizer tokenizer = trained();
        String text = "订单 №12345 🙂👍🏽 ok\u0000\t\r\n e\u0301 العربية 👨‍👩‍👧 \u007f";
        assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
    }

    @Test
    void shouldReplaceEachUnpairedSurrogateWithTheReplacementCharacter() {
        // Given strings with a lone high and a lone low surrogate
        BpeTokenizer tokenizer = BpeTokenizer.bytesOnly();
        // When encoded, Then each becomes EF BF BD and decodes to U+FFFD, consistently
        assertThat(tokenizer.encode("a\uD83Db")).containsExactly('a', 0xEF, 0xBF, 0xBD, 'b');
        assertThat(tokenizer.decode(tokenizer.encode("\uDE00x\uD83D"))).isEqualTo("\uFFFDx\uFFFD");
    }

    @Test
    void shouldEncodeMarkerTextInsideTextAsPlainBytesNotSpecialTokens() {
        BpeTokenizer tokenizer = trained();
        int[] ids = tokenizer.encode("hi <|end|> <|agent|>");
        for (int id : ids) {
            assertThat(SpecialToken.ofId(id)).isNull();
        }
        assertThat(tokenizer.decode(ids)).isEqualTo("hi <|end|> <|agent|>");
    }

    @Test
    void shouldLearnTheSameMergesFromTheSameCorpusAndShortenSequences() {
        BpeTokenizer first = trained();
        BpeTokenizer second = trained();
        assertThat(first.toJson()).isEqualTo(second.toJson());
        assertThat(first.mergeCount()).isEqualTo(120);
        String text = CORPUS.get(1) + CORPUS.get(4);
        assertThat(first.encode(text).length).isLessThan(BpeTokenizer.bytesOnly().encode(text).length / 2);
    }

    @Test
    void shouldKeepEveryDigitAsItsOwnToken() {
        BpeTokenizer tokenizer = trained();
        assertThat(tokenizer.encode("12345")).containsExactly('1', '2', '3', '4', '5');
    }

    @Test
    void shouldReadBackFromJsonAnIdenticalTokenizer() {
        BpeTokenizer tokenizer = trained();
        BpeTokenizer back = BpeTokenizer.fromJson(tokenizer.toJson());
        assertThat(back.vocabSize()).isEqualTo(tokenizer.vocabSize());
        assertThat(back.encode(CORPUS.get(3))).containsExactly(tokenizer.encode(CORPUS.get(3)));
    }

    @Test
    void shouldRefuseJsonOfAnotherFormatNamingTheField() {
        assertThatThrownBy(() -> BpeTokenizer.fromJson("{\"format\":\"gpt2\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenizer format must be kefu-byte-bpe-1, was 'gpt2'");
    }

    @Test
    void shouldRefuseAnIdOutsideTheVocabulary() {
        BpeTokenizer tokenizer = BpeTokenizer.bytesOnly();
        assertThatThrownBy(() -> tokenizer.decode(new int[] {260}))
                .hasMessage("token id must be in [0, 260), was 260");
    }

    private static String randomValidUnicode(Random random, int codePoints) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int kind = random.nextInt(5);
            int cp;
            if (kind == 0) {
                cp = random.nextInt(0x80);
            } else if (kind == 1) {
                cp = 0x4E00 + random.nextInt(0x5000);
            } else if (kind == 2) {
                cp = 0x1F300 + random.nextInt(0x300);
            } else {
                do {
                    cp = random.nextInt(0x110000);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String codePoints(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString();
    }

    @Test
    void shouldGiveTheSameIdsFromRememberedChunksAsAFreshTokenizerBeyondTheMemoryLimit() {
        // Given a tokenizer that has seen more distinct chunks than it remembers, some of them twice
        BpeTokenizer warm = trained();
        List<String> texts = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < BpeTokenizer.CHUNK_CACHE_LIMIT + 5_000; i++) {
            texts.add(CORPUS.get(random.nextInt(CORPUS.size())) + " word" + Integer.toString(i, 36) + "x");
        }
        List<int[]> first = new ArrayList<>();
        for (String text : texts) {
            first.add(warm.encode(text));
        }
        first.get(0)[0] = -1; // a caller changing its array must not change the remembered ids

        // When the texts are encoded again, and by a tokenizer that has seen nothing
        BpeTokenizer fresh = BpeTokenizer.fromJson(warm.toJson());
        for (int i = 0; i < texts.size(); i += 97) {
            int[] expected = fresh.encode(texts.get(i));
            // Then every encoding is the same, and decodes back to the text
            assertThat(warm.encode(texts.get(i))).as(texts.get(i)).containsExactly(expected);
            assertThat(warm.decode(expected)).isEqualTo(texts.get(i));
            if (i > 0) {
                assertThat(first.get(i)).containsExactly(expected);
            }
        }
    }
}
