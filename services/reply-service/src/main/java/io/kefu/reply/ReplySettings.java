package io.kefu.reply;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;
import io.kefu.model.generate.EngineOptions;
import java.util.List;

/**
 * The settings of the reply service, under {@code reply.}, and {@code model.device} and {@code model.decode.threads},
 * which no other module declares.
 *
 * <p>The model store directory is the fine-tuner's {@code finetune.store.dir} ({@link #MODEL_STORE_DIR}), read when
 * it is declared and set, so that the service serving the versions and the one training them agree; unset, both use
 * {@code <data.dir>/models}.
 */
public final class ReplySettings implements SettingsProvider {
  public static final String GROUP_ID = "reply.group.id";
  public static final String INSTANCE_ID = "reply.instance.id";
  public static final String HTTP_PORT = "reply.http.port";
  public static final String HANDOFF_CONFIDENCE = "reply.handoff.confidence";
  public static final String MAX_MESSAGE_CHARS = "reply.max.message.chars";
  public static final String MAX_CONVERSATION_ID_CHARS = "reply.max.conversation.id.chars";
  public static final String MAX_MESSAGE_ID_CHARS = "reply.max.message.id.chars";
  public static final String MEMORY_TURNS = "reply.memory.turns";
  public static final String MEMORY_MESSAGE_IDS = "reply.memory.message.ids";
  public static final String MAX_POLL_RECORDS = "reply.max.poll.records";
  public static final String POLL_TIMEOUT = "reply.poll.timeout";
  public static final String GENERATION_TIMEOUT = "reply.generation.timeout";
  public static final String GENERATION_MAX_ATTEMPTS = "reply.generation.max.attempts";
  public static final String RETRY_BACKOFF = "reply.retry.backoff";
  public static final String COMMIT_INTERVAL = "reply.commit.interval";
  public static final String MAX_IN_FLIGHT = "reply.max.in.flight";
  public static final String MAX_NEW_TOKENS = "reply.generation.max.tokens";
  public static final String TEMPERATURE = "reply.generation.temperature";
  public static final String TOP_K = "reply.generation.top.k";
  public static final String TOP_P = "reply.generation.top.p";
  public static final String MODEL_DEVICE = "model.device";
  /** PyTorch intra-op threads of the generation engine's decode loop. */
  public static final String MODEL_DECODE_THREADS = "model.decode.threads";
  /** The fine-tuner's store setting (declared by the fine-tuner module), which the reply service reads too. */
  public static final String MODEL_STORE_DIR = "finetune.store.dir";

  @Override
  public String group() {
    return "reply";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(GROUP_ID, "kefu-reply-service",
            "Consumer group of the reply service; run more instances with the same group to scale out."),
        new Setting(INSTANCE_ID, "",
            "Name of this instance in client ids and its transactional.id; empty means a random UUID per start."),
        new Setting(HTTP_PORT, "8082", "Port of the health and metrics endpoints; 0 picks a free port."),
        new Setting(HANDOFF_CONFIDENCE, "0.30",
            "Replies with confidence (exp of the mean token log-probability) below this go to a person; calibrate on the held-out split."),
        new Setting(MAX_MESSAGE_CHARS, "2000",
            "Longest customer message in Unicode code points; longer ones go to the DLQ as TEXT_TOO_LONG."),
        new Setting(MAX_CONVERSATION_ID_CHARS, "128",
            "Longest conversationId in characters; longer ones go to the DLQ as CONVERSATION_ID_TOO_LONG."),
        new Setting(MAX_MESSAGE_ID_CHARS, "128",
            "Longest messageId in characters; blank or longer ones go to the DLQ as INVALID_MESSAGE_ID."),
        new Setting(MEMORY_TURNS, "12", "Recent turns kept per conversation and given to the model as context."),
        new Setting(MEMORY_MESSAGE_IDS, "64",
            "Recent messageIds remembered per conversation so that a resent message is answered once; also how many"
                + " replies of one conversation may be committed ahead of an unfinished message of their partition."),
        new Setting(MAX_POLL_RECORDS, "256",
            "Most customer messages taken in one poll; a transaction is also committed at once when this many outcomes are ready."),
        new Setting(POLL_TIMEOUT, "200ms",
            "How long one poll waits for customer messages while nothing is in flight; with messages in flight the loop polls every reply.commit.interval."),
        new Setting(COMMIT_INTERVAL, "5ms",
            "Cadence of the reply transactions: finished replies, handoffs, dead letters, memory snapshots and offsets are committed at most this long after the previous commit ended (a commit runs beside the loop, which keeps polling)."),
        new Setting(MAX_IN_FLIGHT, "512",
            "Most consumed messages not yet committed; above it the service pauses its partitions until generations drain (keep it below the engine's wait queue)."),
        new Setting(GENERATION_TIMEOUT, "120s",
            "Longest time one message's generation may take; after it the message's partition is rewound to its committed offset and retried."),
        new Setting(GENERATION_MAX_ATTEMPTS, "3",
            "Attempts at a message whose generation fails or times out; on the last one it goes to the DLQ as GENERATION_FAILED."),
        new Setting(RETRY_BACKOFF, "1s",
            "Pause before a partition is consumed again after an aborted transaction or a failed generation."),
        new Setting(MAX_NEW_TOKENS, "96",
            "Most tokens in one generated reply; a reply cut off at this limit is handed to a person."),
        new Setting(TEMPERATURE, "0", "Sampling temperature of replies; 0 means greedy decoding."),
        new Setting(TOP_K, "0", "Sample only among the k most likely tokens; 0 means no limit."),
        new Setting(TOP_P, "1.0", "Sample only among the most likely tokens whose probabilities add up to p; 1 means no limit."),
        new Setting(MODEL_DEVICE, "auto",
            "Device that serves (and, on first start, trains) the model: auto (a GPU when DJL finds CUDA, else the CPU), cpu or gpu."),
        new Setting(MODEL_DECODE_THREADS, Integer.toString(EngineOptions.DEFAULT_DECODE_THREADS),
            "CPU threads (PyTorch intra-op) of the decode loop that generates replies. A decode step is many small operations that a second thread slows down; one thread also leaves the other cores to Kafka's clients. Training uses every core (or OMP_NUM_THREADS) either way."));
  }
}
