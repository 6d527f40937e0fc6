package io.kefu.reply.generate;

import io.kefu.model.LanguageModel;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.SamplingSettings;
import io.kefu.reply.memory.RecentTurn;
import io.kefu.reply.testing.TinyReplyModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    LanguageModel model = TinyReplyModel.train();
    GenerationEngine engine = TinyReplyModel.engine(model);
    EngineReplyGenerator g = new EngineReplyGenerator(engine, SamplingSettings.greedy(40));
    List<RecentTurn> ctx = List.of(RecentTurn.customer(TinyReplyModel.englishMessage(5)), RecentTurn.agent(TinyReplyModel.ENGLISH_REPLY));
    System.out.println("ALONE EN ctx: " + g.generate(ctx, TinyReplyModel.englishMessage(77)).get(60, TimeUnit.SECONDS));
    System.out.println("ALONE ZH: " + g.generate(List.of(), TinyReplyModel.chineseMessage(8)).get(60, TimeUnit.SECONDS));
    var a = g.generate(ctx, TinyReplyModel.englishMessage(77));
    var b = g.generate(List.of(), TinyReplyModel.chineseMessage(8));
    System.out.println("CONC EN ctx: " + a.get(60, TimeUnit.SECONDS));
    System.out.println("CONC ZH: " + b.get(60, TimeUnit.SECONDS));
    var c = g.generate(List.of(), TinyReplyModel.chineseMessage(8));
    var d = g.generate(ctx, TinyReplyModel.englishMessage(77));
    System.out.println("CONC2 ZH: " + c.get(60, TimeUnit.SECONDS));
    System.out.println("CONC2 EN ctx: " + d.get(60, TimeUnit.SECONDS));
    engine.close();
    model.close();
  }
}
