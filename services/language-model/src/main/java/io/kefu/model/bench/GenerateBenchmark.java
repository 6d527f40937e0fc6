package io.kefu.model.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kefu.model.ComputeDevice;
import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import io.kefu.model.gpt.GptConfig;
import io.kefu.model.gpt.KvCache;
import io.kefu.model.generate.EngineOptions;
import io.kefu.model.generate.EngineStats;
import io.kefu.model.generate.GenerationEngine;
import io.kefu.model.generate.GenerationRequest;
import io.kefu.model.generate.GenerationResult;
import io.kefu.model.generate.Generator;
import io.kefu.model.generate.StopReason;
import io.kefu.model.store.ModelArtifact;
import io.kefu.model.tokenizer.BpeTokenizer;
import io.kefu.model.tokenizer.BpeTrainer;
import io.kefu.model.tokenizer.ChatTurn;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Measures generation: throughput and latency one conversation at a time and with continuous
 * batching, decode-step cost by position with and without the KV cache, and the GFLOP/s a batched
 * decode step achieves against a large fp32 matmul on the same machine.
 */
public final class GenerateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> MESSAGES = List.of(
            "Hi, where is my order 48213? It was supposed to arrive on Monday.",
            "我的订单 73920 还没到，能帮我查一下吗？",
            "I want to return the blue kettle I bought last week, it leaks.",
            "请问怎么修改收货地址？新地址是上海市浦东新区世纪大道100号。",
            "Can I change my delivery address to 12 Elm Street before it ships?",
            "退款什么时候到账？我已经等了五天了。",
            "The app keeps logging me out, can you help?",
            "优惠券为什么用不了？");

    private GenerateBenchmark() {}

    /**
     * Runs every measurement.
     *
     * @param options what to measure
     * @param device where the model runs
     * @return the figures
     * @throws IOException if the model directory cannot be read
     */
    public static BenchResult run(BenchOptions options, ComputeDevice device) throws IOException {
        try (LanguageModel model = openModel(options.modelDirectory(), device.resolve())) {
            return run(model, options);
        }
    }

    /**
     * Runs every measurement on a loaded model.
     *
     * @param model the model
     * @param options what to measure
     * @return the figures
     */
    public static BenchResult run(LanguageModel model, BenchOptions options) {
        PyTorchRuntime.setIntraOpThreads(options.intraOpThreads());
        // The engine's decode loop sets its own count: the same as every other measurement.
        int decodeThreads = options.intraOpThreads() > 0 ? options.intraOpThreads() : PyTorchRuntime.defaultThreads();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<GenerationRequest> requests = requests(options);
        warmUp(model, requests);
        // Sequential gets its best showing: a plain loop or the engine with one slot, whichever is faster.
        BenchResult.Throughput loop = sequential(model, requests);
        BenchResult.Throughput engineAlone = batched(model, requests, 1, 0, decodeThreads);
        boolean loopFaster = loop.tokensPerSecond() >= engineAlone.tokensPerSecond();
        BenchResult.Throughput sequential = loopFaster ? loop : engineAlone;
        List<BenchResult.Throughput> batched = new ArrayList<>();
        double decodeGflops;
        int largest = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int concurrency : options.concurrency()) {
            batched.add(batched(model, requests, concurrency, sequential.tokensPerSecond(), decodeThreads));
        }
        List<BenchResult.StepTiming> steps = new ArrayList<>();
        for (int position : options.stepPositions()) {
            steps.add(stepTiming(model, Math.min(position, model.config().contextLength() - 1), options.stepRepeats()));
        }
        decodeGflops = decodeGflops(model, largest, 64, options.stepRepeats());
        double matmul = matmulGflops(model, options.matmulSize());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new BenchResult(model.name() + "@" + model.version() + " " + describe(model.config()),
                model.device().toString(), options.intraOpThreads(), sequential,
                loopFaster ? "plain loop" : "engine with 1 slot",
                (loopFaster ? engineAlone : loop).tokensPerSecond(), batched, steps, decodeGflops, matmul,
                options.matmulSize(), loadBefore, loadAfter);
    }

    /**
     * Writes a readable table.
     *
     * @param result the figures
     * @param out where to write
     */
    public static void printTable(BenchResult result, PrintStream out) {
        out.printf(Locale.ROOT, "model %s on %s, intra-op threads %s%n", result.model(), result.device(),
                result.intraOpThreads() == 0 ? "default" : Integer.toString(result.intraOpThreads()));
        out.printf(Locale.ROOT, "load average %.2f at start, %.2f at end (%d cores)%n", result.loadAverageBefore(),
                result.loadAverageAfter(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "sequential: the %s (the %s gave %.1f tokens/s)%n%n", result.sequentialPath(),
                result.sequentialPath().equals("plain loop") ? "engine with 1 slot" : "plain loop",
                result.slowerSequentialTokensPerSecond());
        out.printf(Locale.ROOT, "%-12s %8s %8s %10s %9s %9s %8s %9s %10s%n", "mode", "convs", "tokens", "tokens/s",
                "p50 ms", "p99 ms", "x seq", "prefills", "prefill %");
        List<BenchResult.Throughput> rows = new ArrayList<>();
        rows.add(result.sequential());
        rows.addAll(result.batched());
        for (BenchResult.Throughput row : rows) {
            String mode = row.concurrency() == 1 ? "sequential" : "batch " + row.concurrency();
            out.printf(Locale.ROOT, "%-12s %8d %8d %10.1f %9.1f %9.1f %8.2f %9s %10s%n", mode, row.conversations(),
                    row.tokens(), row.tokensPerSecond(), row.p50LatencyMillis(), row.p99LatencyMillis(),
                    row.speedup(), row.concurrency() == 1 ? "-" : Long.toString(row.prefillPasses()),
                    row.concurrency() == 1 ? "-" : String.format(Locale.ROOT, "%.0f", 100 * row.prefillShare()));
        }
        out.printf(Locale.ROOT, "%n%-10s %14s %16s%n", "position", "cached ms", "recompute ms");
        for (BenchResult.StepTiming step : result.steps()) {
            out.printf(Locale.ROOT, "%-10d %14.3f %16.3f%n", step.position(), step.cachedMillis(),
                    step.recomputeMillis());
        }
        out.printf(Locale.ROOT, "cached step growth (last/first position): %.2f%n", result.cachedStepGrowth());
        out.printf(Locale.ROOT, "%ndecode step at batch %d: %.1f GFLOP/s; fp32 matmul %dx%d: %.1f GFLOP/s (%.1f%%)%n",
                result.batched().isEmpty() ? 1 : result.batched().get(result.batched().size() - 1).concurrency(),
                result.decodeGflops(), result.matmulSize(), result.matmulSize(), result.matmulGflops(),
                100 * result.decodeGflops() / result.matmulGflops());
    }

    /**
     * Serializes the figures as JSON.
     *
     * @param result the figures
     * @return the JSON document
     */
    public static String toJson(BenchResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize benchmark result", e);
        }
    }

    /**
     * Writes the JSON to a file.
     *
     * @param result the figures
     * @param file the file
     * @throws IOException if writing fails
     */
    public static void writeJson(BenchResult result, Path file) throws IOException {
        Files.writeString(file, toJson(result));
    }

    private static LanguageModel openModel(Path directory, Device device) throws IOException {
        if (directory != null) {
            return ModelArtifact.open(directory).load(device);
        }
        // An untrained model of the default size, with merges learned from the benchmark's own
        // messages so prompts have realistic token counts.
        BpeTokenizer tokenizer = new BpeTrainer(1000, 2).train(MESSAGES);
        return LanguageModel.initialize("bench", "untrained", GptConfig.defaults(tokenizer.vocabSize()), tokenizer,
                device, 1);
    }

    private static List<GenerationRequest> requests(BenchOptions options) {
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < options.conversations(); i++) {
            List<ChatTurn> context = i % 3 == 0
                    ? List.of(ChatTurn.customer("hello"), ChatTurn.agent("Hi! How can I help?"))
                    : List.of();
            requests.add(GenerationRequest.greedy(context, MESSAGES.get(i % MESSAGES.size()), options.maxNewTokens()));
        }
        return requests;
    }

    private static void warmUp(LanguageModel model, List<GenerationRequest> requests) {
        Generator generator = new Generator(model);
        for (int i = 0; i < Math.min(4, requests.size()); i++) {
            generator.generate(requests.get(i));
        }
    }

    private static BenchResult.Throughput sequential(LanguageModel model, List<GenerationRequest> requests) {
        Generator generator = new Generator(model);
        long start = System.nanoTime();
        List<GenerationResult> results = new ArrayList<>();
        for (GenerationRequest request : requests) {
            results.add(generator.generate(request));
        }
        return throughput(1, results, System.nanoTime() - start, 0, 0, 0);
    }

    private static BenchResult.Throughput batched(LanguageModel model, List<GenerationRequest> requests,
            int concurrency, double sequentialTokensPerSecond, int decodeThreads) {
        int total = Math.max(requests.size(), 2 * concurrency);
        EngineOptions engineOptions = new EngineOptions(concurrency, total, 0, concurrency, decodeThreads);
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        Semaphore inFlight = new Semaphore(concurrency);
        long start;
        try (GenerationEngine engine = new GenerationEngine(model, engineOptions)) {
            start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                inFlight.acquireUninterruptibly();
                CompletableFuture<GenerationResult> future = engine.submit(requests.get(i % requests.size()));
                future.whenComplete((result, error) -> inFlight.release());
                futures.add(future);
            }
            List<GenerationResult> results = new ArrayList<>();
            for (CompletableFuture<GenerationResult> future : futures) {
                results.add(future.get());
            }
            long elapsed = System.nanoTime() - start;
            EngineStats stats = engine.stats();
            double busy = stats.prefillNanos() + stats.decodeNanos();
            return throughput(concurrency, results, elapsed, sequentialTokensPerSecond, stats.prefills(),
                    busy == 0 ? 0 : stats.prefillNanos() / busy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generation failed while benchmarking: " + e.getCause(), e.getCause());
        }
    }

    private static BenchResult.Throughput throughput(int concurrency, List<GenerationResult> results, long nanos,
            double sequentialTokensPerSecond, long prefillPasses, double prefillShare) {
        long tokens = 0;
        double[] latencies = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            GenerationResult result = results.get(i);
            // The closing <|end|> is a decoded token too.
            tokens += result.tokens().length + (result.stopReason() == StopReason.END_TOKEN ? 1 : 0);
            latencies[i] = result.latencyNanos() / 1e6;
        }
        Arrays.sort(latencies);
        double seconds = nanos / 1e9;
        double perSecond = tokens / seconds;
        double speedup = sequentialTokensPerSecond == 0 ? 1.0 : perSecond / sequentialTokensPerSecond;
        return new BenchResult.Throughput(concurrency, results.size(), tokens, seconds, perSecond,
                percentile(latencies, 0.50), percentile(latencies, 0.99), speedup, prefillPasses, prefillShare);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static BenchResult.StepTiming stepTiming(LanguageModel model, int position, int repeats) {
        int vocab = model.config().vocabSize();
        long[] prompt = new long[position];
        for (int i = 0; i < position; i++) {
            prompt[i] = 32 + i % (Math.min(vocab, 256) - 32);
        }
        double[] cached = new double[repeats];
        double[] recomputed = new double[repeats];
        try (NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(manager, model.config(), 1, model.config().contextLength())) {
            ParameterStore store = model.inferenceStore(manager);
            try (NDManager step = manager.newSubManager()) {
                model.block().prefill(store, step.create(new long[][] {prompt}), cache, 0);
            }
            for (int r = -2; r < repeats; r++) {
                long start = System.nanoTime();
                try (NDManager step = manager.newSubManager()) {
                    model.block().decode(store, step.create(new long[] {65}, new Shape(1, 1)),
                            step.create(new long[] {position}), step.zeros(new Shape(1, 1, 1, position + 1)), cache)
                            .toFloatArray();
                }
                if (r >= 0) {
                    cached[r] = (System.nanoTime() - start) / 1e6;
                }
            }
            long[] whole = Arrays.copyOf(prompt, position + 1);
            whole[position] = 65;
            for (int r = -2; r < repeats; r++) {
                long start = System.nanoTime();
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = model.block().forward(store, new NDList(step.create(new long[][] {whole})), false)
                            .head(); // (1, T, V)
                    logits.get(0, position).toFloatArray();
                }
                if (r >= 0) {
                    recomputed[r] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return new BenchResult.StepTiming(position, median(cached), median(recomputed));
    }

    private static double decodeGflops(LanguageModel model, int batch, int span, int repeats) {
        GptConfig config = model.config();
        double[] millis = new double[repeats];
        try (NDManager manager = model.manager().newSubManager();
                KvCache cache = new KvCache(manager, config, batch, config.contextLength())) {
            ParameterStore store = model.inferenceStore(manager);
            long[] tokens = new long[batch];
            long[] positions = new long[batch];
            Arrays.fill(tokens, 65);
            Arrays.fill(positions, span - 1);
            for (int r = -2; r < repeats; r++) {
                long start = System.nanoTime();
                try (NDManager step = manager.newSubManager()) {
                    model.block().decode(store, step.create(tokens, new Shape(batch, 1)), step.create(positions),
                            step.zeros(new Shape(batch, 1, 1, span)), cache).toFloatArray();
                }
                if (r >= 0) {
                    millis[r] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double c = config.width();
        double perToken = config.layers() * (2 * 12 * c * c + 2 * 2 * span * c) + 2 * c * config.vocabSize();
        return batch * perToken / (median(millis) / 1e3) / 1e9;
    }

    private static double matmulGflops(LanguageModel model, int n) {
        double[] millis = new double[5];
        try (NDManager manager = model.manager().newSubManager()) {
            NDArray a = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
            NDArray b = manager.randomNormal(new Shape(n, n), DataType.FLOAT32);
            for (int r = -2; r < millis.length; r++) {
                long start = System.nanoTime();
                try (NDArray product = a.matMul(b)) {
                    product.getFloat(0, 0);
                }
                if (r >= 0) {
                    millis[r] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return 2.0 * n * n * n / (median(millis) / 1e3) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String describe(GptConfig config) {
        return String.format(Locale.ROOT, "(%d layers, width %d, %d heads, context %d, vocab %d, %.2fM params)",
                config.layers(), config.width(), config.heads(), config.contextLength(), config.vocabSize(),
                config.parameterCount() / 1e6);
    }
}
