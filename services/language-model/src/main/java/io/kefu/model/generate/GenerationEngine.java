package io.kefu.model.generate;

import io.kefu.model.LanguageModel;
import io.kefu.model.PyTorchRuntime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous-batching generation: one decode-loop thread where each decode step serves every
 * active sequence at once, and sequences join (after their own prefill) and leave (when finished)
 * between any two steps — iteration-level scheduling as in vLLM and TGI.
 *
 * <p>Each model version has a lane: a preallocated KV cache of (Bmax, H, Tmax, D) per layer with
 * the active sequences packed in slots 0..N-1, so a step reads one contiguous prefix and attends
 * only up to the longest active length. Requests that join between the same two steps are
 * prefilled in groups of similar prompt length ({@code PrefillGroups}), so a short prompt is not
 * padded to a long one's length. A bounded queue holds requests waiting for a slot;
 * {@link #submit} rejects with {@link EngineOverloadedException} when it is full.
 *
 * <p>Hot swap: {@link #swap} hands new requests to a new model version between two decode steps;
 * sequences already started finish on the version they started with (its lane keeps stepping until
 * empty), and every {@link GenerationResult} names the version that produced it. The future that
 * {@code swap} returns completes with the previous model once nothing uses it, so the caller can
 * close it. The engine never closes models: whoever loaded them does.
 *
 * <p>The decode loop sets its own PyTorch intra-op thread count ({@link EngineOptions#decodeThreads()},
 * one by default) when it starts, so a training thread in the same process keeps its own.
 */
public final class GenerationEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationEngine.class);

    private record Waiting(GenerationRequest request, CompletableFuture<GenerationResult> future, long nanos) {}

    private final EngineOptions options;
    private final BlockingQueue<Waiting> waiting;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<Lane> draining = new ArrayList<>();
    private final Object signal = new Object();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong prefills = new AtomicLong();
    private final AtomicLong prefillNanos = new AtomicLong();
    private final AtomicLong decodeNanos = new AtomicLong();
    private final Thread loop;
    private volatile Lane current;
    private volatile boolean closing;
    private volatile int activeCount;

    /**
     * Starts an engine.
     *
     * @param model the model new requests go to
     * @param options limits
     */
    public GenerationEngine(LanguageModel model, EngineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.waiting = new ArrayBlockingQueue<>(options.maxWaiting());
        this.current = newLane(model);
        this.loop = new Thread(this::run, "kefu-decode-loop");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /**
     * Queues a request.
     *
     * @param request what to generate
     * @return the reply, completed by the decode loop
     * @throws EngineOverloadedException when {@code maxWaiting} requests are already waiting
     * @throws EngineClosedException when the engine is closing
     */
    public CompletableFuture<GenerationResult> submit(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        if (closing) {
            throw new EngineClosedException();
        }
        CompletableFuture<GenerationResult> future = new CompletableFuture<>();
        if (!waiting.offer(new Waiting(request, future, System.nanoTime()))) {
            throw new EngineOverloadedException(options.maxWaiting());
        }
        wake();
        if (closing && !loop.isAlive()) {
            failWaiting();
        }
        return future;
    }

    /**
     * Makes a new model version take over new requests between two decode steps.
     *
     * @param next the new version
     * @return completes with the previous model once its last sequence has finished
     */
    public CompletableFuture<LanguageModel> swap(LanguageModel next) {
        Objects.requireNonNull(next, "next");
        if (closing) {
            throw new EngineClosedException();
        }
        CompletableFuture<LanguageModel> previous = new CompletableFuture<>();
        commands.add(() -> {
            Lane old = current;
            current = newLane(next);
            draining.add(old);
            old.drained().whenComplete((model, error) -> previous.complete(model));
            LOG.info("model {} takes over new requests; {} finishes {} active sequences",
                    next.version(), old.model().version(), old.activeCount());
        });
        wake();
        return previous;
    }

    /**
     * Returns a snapshot of counters.
     *
     * @return the stats
     */
    public EngineStats stats() {
        return new EngineStats(steps.get(), tokens.get(), activeCount, waiting.size(),
                current.model().version(), draining.size(), prefills.get(), prefillNanos.get(), decodeNanos.get());
    }

    /**
     * Stops accepting requests, fails those still waiting with {@link EngineClosedException},
     * finishes the active ones, frees the caches and stops the loop thread.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == loop) {
            throw new IllegalStateException("close() called from the decode loop (a result callback); "
                    + "close the engine from another thread");
        }
        closing = true;
        wake();
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the decode loop to finish", e);
        }
    }

    private Lane newLane(LanguageModel model) {
        int length = options.maxLength() == 0 ? model.config().contextLength()
                : Math.min(options.maxLength(), model.config().contextLength());
        return new Lane(model, options.maxBatch(), length);
    }

    private void run() {
        try {
            PyTorchRuntime.setThreadIntraOpThreads(options.decodeThreads());
            while (true) {
                for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
                    command.run();
                }
                if (closing) {
                    failWaiting();
                }
                admit();
                int served = 0;
                served += stepLane(current);
                for (Iterator<Lane> it = draining.iterator(); it.hasNext(); ) {
                    Lane lane = it.next();
                    served += stepLane(lane);
                    if (lane.activeCount() == 0) {
                        lane.close();
                        it.remove();
                    }
                }
                activeCount = countActive();
                if (served == 0) {
                    if (closing && activeCount == 0) {
                        break;
                    }
                    waitForWork();
                }
            }
        } finally {
            for (Lane lane : draining) {
                lane.failAll(new EngineClosedException());
                lane.close();
            }
            draining.clear();
            current.failAll(new EngineClosedException());
            current.close();
            failWaiting();
        }
    }

    private void admit() {
        Lane lane = current;
        List<SequenceState> states = new ArrayList<>();
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        int room = Math.min(lane.freeSlots(), options.maxPrefillsPerStep());
        while (!closing && states.size() < room) {
            Waiting next = waiting.poll();
            if (next == null) {
                break;
            }
            try {
                int[] prompt = SequenceState.encodePrompt(lane.model(), next.request(), lane.maxLength());
                states.add(new SequenceState(next.request(), prompt, lane.maxLength(), next.nanos()));
                futures.add(next.future());
            } catch (RuntimeException e) {
                LOG.error("cannot encode a request for model {}", lane.model().version(), e);
                next.future().completeExceptionally(e);
            }
        }
        if (states.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            prefills.addAndGet(lane.join(states, futures));
            tokens.addAndGet(states.size());
        } catch (RuntimeException e) {
            LOG.error("prefill of {} requests failed on model {}", states.size(), lane.model().version(), e);
            futures.forEach(future -> future.completeExceptionally(e));
        } finally {
            prefillNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private int stepLane(Lane lane) {
        if (lane.activeCount() == 0) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            int served = lane.step();
            steps.incrementAndGet();
            tokens.addAndGet(served);
            return served;
        } catch (RuntimeException e) {
            LOG.error("decode step failed on model {}; failing its {} sequences", lane.model().version(),
                    lane.activeCount(), e);
            lane.failAll(e);
            return 0;
        } finally {
            decodeNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private int countActive() {
        int count = current.activeCount();
        for (Lane lane : draining) {
            count += lane.activeCount();
        }
        return count;
    }

    private void waitForWork() {
        synchronized (signal) {
            try {
                while (waiting.isEmpty() && commands.isEmpty() && !closing) {
                    signal.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void failWaiting() {
        for (Waiting next = waiting.poll(); next != null; next = waiting.poll()) {
            next.future().completeExceptionally(new EngineClosedException());
        }
    }
}
