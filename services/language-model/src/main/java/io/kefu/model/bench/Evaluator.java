package io.kefu.model.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kefu.model.ComputeDevice;
import io.kefu.model.LanguageModel;
import io.kefu.model.store.FileSystemModelStore;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.GenerationResult;
import io.kefu.model.generate.StopReason;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Answers held-out conversations greedily (through the continuous-batching engine) and reports how many replies
 * address the customer's intent and end properly, per locale and per intent, with the intents read instead.
 */
public final class Evaluator {

    /** Reply token limit during evaluation. */
    public static final int MAX_NEW_TOKENS = 96;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int CONFUSIONS_SHOWN = 20;

    private Evaluator() {}

    /**
     * Evaluates a stored model on the seed corpus's held-out split: the entry point of {@code kefu eval}.
     *
     * @param storeDirectory the model store
     * @param version the version to evaluate
     * @param conversations held-out conversations (balanced over intents and languages)
     * @param seed corpus seed
     * @param device where to run
     * @return the report
     * @throws IOException if the model cannot be loaded
     */
    public static EvalReport evaluateStored(Path storeDirectory, String version, int conversations, long seed,
            ComputeDevice device) throws IOException {
        try (LanguageModel model = new FileSystemModelStore(storeDirectory).load(version, device.resolve())) {
            return evaluateHeldOut(model, conversations, seed);
        }
    }

    /**
     * Evaluates a loaded model on the seed corpus's held-out split.
     *
     * @param model the model
     * @param conversations held-out conversations
     * @param seed corpus seed
     * @return the report
     */
    public static EvalReport evaluateHeldOut(LanguageModel model, int conversations, long seed) {
        return evaluate(model, SeedJudge.heldOutCases(conversations, seed), new SeedJudge());
    }

    /**
     * Evaluates a model.
     *
     * @param model the model
     * @param cases held-out conversations
     * @param check the judge
     * @return the report
     */
    public static EvalReport evaluate(LanguageModel model, List<EvalCase> cases, ReplyCheck check) {
        long start = System.nanoTime();
        List<GenerationResult> results = new ArrayList<>();
        try (GenerationEngine engine = new GenerationEngine(model,
                new EngineOptions(64, Math.max(1, cases.size()), 0, 64))) {
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (EvalCase c : cases) {
                futures.add(engine.submit(GenerationRequest.greedy(c.context(), c.message(), MAX_NEW_TOKENS)));
            }
            for (CompletableFuture<GenerationResult> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generation failed during evaluation: " + e.getCause(), e.getCause());
        }
        QualityTally tally = new QualityTally();
        for (int i = 0; i < cases.size(); i++) {
            GenerationResult result = results.get(i);
            String reply = result.text();
            tally.add(new JudgedReply(cases.get(i), reply, check.addresses(cases.get(i).intent(), reply),
                    check.endsProperly(reply), result.stopReason() == StopReason.END_TOKEN, result.meanLogProb(),
                    check.judgedIntent(reply)));
        }
        return tally.report(model.name() + "@" + model.version(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes a readable table.
     *
     * @param report the report
     * @param out where to write
     */
    public static void printTable(EvalReport report, PrintStream out) {
        out.printf(Locale.ROOT, "evaluation of %s (%.1f s)%n", report.model(), report.seconds());
        out.printf(Locale.ROOT, "%-7s %6s %11s %14s %12s %10s%n", "locale", "convs", "addressed%", "endsProperly%",
                "stopAtEnd%", "meanLogP");
        List<EvalReport.Row> rows = new ArrayList<>(report.perLocale());
        rows.add(report.overall());
        for (EvalReport.Row row : rows) {
            out.printf(Locale.ROOT, "%-7s %6d %11.1f %14.1f %12.1f %10.3f%n", row.locale(), row.conversations(),
                    row.addressedPercent(), row.endsProperlyPercent(), row.stoppedAtEndPercent(), row.meanLogProb());
        }
        printIntents(report, out);
        printConfusions(report, out);
        for (EvalReport.Sample sample : report.samples()) {
            out.printf(Locale.ROOT, "  [%s %s] %s -> %s%s%n", sample.locale(), sample.intent(), sample.message(),
                    sample.reply(), sample.addressed() && sample.endsProperly() ? "" : "   (judged bad)");
        }
    }

    private static void printIntents(EvalReport report, PrintStream out) {
        List<String> locales = report.perLocale().stream().map(EvalReport.Row::locale).toList();
        Map<String, Map<String, EvalReport.IntentRow>> byIntent = new TreeMap<>();
        for (EvalReport.IntentRow row : report.perIntent()) {
            byIntent.computeIfAbsent(row.intent(), intent -> new TreeMap<>()).put(row.locale(), row);
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s", "intent"));
        locales.forEach(locale -> header.append(String.format(Locale.ROOT, " %6s %14s", locale + " n",
                locale + " addressed%")));
        out.println(header);
        byIntent.forEach((intent, rows) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", intent));
            for (String locale : locales) {
                EvalReport.IntentRow row = rows.get(locale);
                line.append(row == null ? String.format(Locale.ROOT, " %6s %14s", "-", "-")
                        : String.format(Locale.ROOT, " %6d %14.1f", row.conversations(), row.addressedPercent()));
            }
            out.println(line);
        });
    }

    private static void printConfusions(EvalReport report, PrintStream out) {
        List<EvalReport.Confusion> confusions = report.confusions();
        out.printf(Locale.ROOT, "missed intents (expected -> judged, count): %d kinds%n", confusions.size());
        for (EvalReport.Confusion c : confusions.subList(0, Math.min(CONFUSIONS_SHOWN, confusions.size()))) {
            out.printf(Locale.ROOT, "  %-3s %-20s -> %-20s %4d%n", c.locale(), c.expected(), c.judged(), c.count());
        }
        if (confusions.size() > CONFUSIONS_SHOWN) {
            out.printf(Locale.ROOT, "  ... %d more in the JSON report%n", confusions.size() - CONFUSIONS_SHOWN);
        }
    }

    /**
     * Serializes the report as JSON.
     *
     * @param report the report
     * @return the JSON document
     */
    public static String toJson(EvalReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize evaluation report", e);
        }
    }
}
