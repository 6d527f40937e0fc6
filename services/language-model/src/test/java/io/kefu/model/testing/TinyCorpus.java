package io.kefu.model.testing;

import io.kefu.model.bench.EvalCase;
import io.kefu.model.bench.ReplyCheck;
import io.kefu.model.tokenizer.ChatTurn;
import io.kefu.model.train.ReplyExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small synthetic customer-service corpus for tests: four intents, English and Chinese. */
public final class TinyCorpus {

    private static final String[][] EN = {
        {"order_status", "where is my order %d?", "Your order %d is on its way."},
        {"refund", "I want a refund for order %d", "I have started the refund for order %d."},
        {"address", "please change the address of order %d", "The address of order %d is updated."},
        {"greeting", "hello, anyone there? (%d)", "Hello! How can I help you today?"},
    };
    private static final String[][] ZH = {
        {"order_status", "我的订单%d在哪里？", "您的订单%d正在配送中。"},
        {"refund", "订单%d我要退款", "订单%d的退款已经开始处理。"},
        {"address", "请修改订单%d的地址", "订单%d的地址已更新。"},
        {"greeting", "你好，有人吗？(%d)", "您好！请问有什么可以帮您？"},
    };

    private TinyCorpus() {}

    /**
     * Generates training examples.
     *
     * @param count how many
     * @param seed random seed
     * @return examples, half English and half Chinese
     */
    public static List<ReplyExample> examples(int count, long seed) {
        Random random = new Random(seed);
        List<ReplyExample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] template = (i % 2 == 0 ? EN : ZH)[random.nextInt(4)];
            int number = 100 + random.nextInt(900);
            List<ChatTurn> context = random.nextBoolean() ? List.of()
                    : List.of(ChatTurn.customer(i % 2 == 0 ? "hi" : "你好"), ChatTurn.agent(i % 2 == 0 ? "Hi!" : "您好！"));
            out.add(ReplyExample.positive(context, String.format(template[1], number),
                    String.format(template[2], number)));
        }
        return out;
    }

    /**
     * Generates held-out cases.
     *
     * @param count how many
     * @param seed random seed
     * @return cases, half English and half Chinese
     */
    public static List<EvalCase> cases(int count, long seed) {
        Random random = new Random(seed);
        List<EvalCase> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] template = (i % 2 == 0 ? EN : ZH)[random.nextInt(4)];
            out.add(new EvalCase(template[0], i % 2 == 0 ? "EN" : "ZH", List.of(),
                    String.format(template[1], 100 + random.nextInt(900))));
        }
        return out;
    }

    /**
     * Returns a keyword judge for this corpus.
     *
     * @return the judge
     */
    public static ReplyCheck judge() {
        return new ReplyCheck() {
            @Override
            public boolean addresses(String intent, String reply) {
                switch (intent) {
                    case "order_status":
                        return reply.contains("on its way") || reply.contains("配送");
                    case "refund":
                        return reply.contains("refund") || reply.contains("退款");
                    case "address":
                        return reply.contains("address") || reply.contains("地址");
                    default:
                        return reply.contains("Hello") || reply.contains("您好");
                }
            }

            @Override
            public boolean endsProperly(String reply) {
                return reply.endsWith(".") || reply.endsWith("?") || reply.endsWith("。") || reply.endsWith("？");
            }
        };
    }
}
