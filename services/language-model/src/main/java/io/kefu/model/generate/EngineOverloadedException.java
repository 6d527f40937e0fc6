package io.kefu.model.generate;

import java.util.concurrent.RejectedExecutionException;

/** Thrown by {@link GenerationEngine#submit} when the wait queue is full. */
public final class EngineOverloadedException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param capacity the wait queue's capacity, all taken
     */
    public EngineOverloadedException(int capacity) {
        super("generation engine is full: all " + capacity + " places in the wait queue are taken");
    }
}
