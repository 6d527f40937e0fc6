package io.kefu.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The seed-corpus generator: conversation {@code i} of a split is a pure function of (options, split, seed, i), so
 * the same seed always gives the same corpus, and any prefix of the stream is the list of that size.
 *
 * <p>Balance: indices are taken in blocks of {@code intents x languages} (44); each block holds every
 * (intent, language) pair exactly once, in an order shuffled by the seed.
 */
public final class SeedCorpus {

  private static final Intent[] INTENTS = Intent.values();
  private static final Lang[] LANGS = Lang.values();
  /** Number of (intent, language) pairs, the size of a balanced block. */
  public static final int BLOCK = INTENTS.length * LANGS.length;

  private static final long BLOCK_SALT = 0x5EEDB10C4B1E55EDL;
  private static final long REPLY_SALT = 0x5EED2E91E5C0FFEEL;

  private final CorpusOptions options;
  private final ConversationWriter writer;
  private final ReplyWriter replies;

  /** A generator mixing styles and context as {@code options} says. */
  public SeedCorpus(CorpusOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    TemplateCatalog catalog = TemplateCatalog.standard();
    this.writer = new ConversationWriter(catalog);
    this.replies = new ReplyWriter(catalog);
  }

  /** A generator with {@link CorpusOptions#defaults()}. */
  public static SeedCorpus withDefaults() {
    return new SeedCorpus(CorpusOptions.defaults());
  }

  /** The options this generator mixes by. */
  public CorpusOptions options() {
    return options;
  }

  /** The first {@code count} conversations of {@code split} for {@code seed}. */
  public List<Conversation> generate(Split split, int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    return stream(split, seed).limit(count).toList();
  }

  /** The endless, ordered stream of conversations of {@code split} for {@code seed}. */
  public Stream<Conversation> stream(Split split, long seed) {
    Objects.requireNonNull(split, "split");
    return LongStream.iterate(0, i -> i + 1).mapToObj(i -> conversation(split, seed, i));
  }

  /** Conversation number {@code index} of {@code split} for {@code seed}. */
  public Conversation conversation(Split split, long seed, long index) {
    Objects.requireNonNull(split, "split");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    int cell = blockOrder(split, seed, index / BLOCK)[(int) (index % BLOCK)];
    Intent intent = INTENTS[cell / LANGS.length];
    Lang lang = LANGS[cell % LANGS.length];
    String id = String.format(Locale.ROOT, "%s-%x-%d", split == Split.TRAIN ? "train" : "held-out", seed, index);
    return writer.write(id, split, intent, lang, options, new Random(mix(seed, split, index, 0)));
  }

  /**
   * Another reply to {@code conversation}'s last message, in {@code style}, drawn with {@code seed}: the reference
   * COMPLETE reply for evaluation, or a WRONG one for a negative example.
   */
  public String reply(Conversation conversation, ReplyStyle style, long seed) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(style, "style");
    Random random = new Random(mix(seed, conversation.split(), conversation.id().hashCode(), REPLY_SALT));
    return replies.write(conversation.intent(), conversation.lang(), style, conversation.slots(), random);
  }

  private static int[] blockOrder(Split split, long seed, long block) {
    int[] order = new int[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      order[i] = i;
    }
    Random random = new Random(mix(seed, split, block, BLOCK_SALT));
    for (int i = BLOCK - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** SplitMix64's finaliser over the inputs, so neighbouring indices and seeds give unrelated random streams. */
  static long mix(long seed, Split split, long index, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + (split.ordinal() + 1) * 0xD1B54A32D192ED03L + index * 0xC2B2AE3D27D4EB4FL
        + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
