package io.kefu.model.generate;

import java.util.concurrent.RejectedExecutionException;

/** Thrown by {@link GenerationEngine#submit} when the wait queue is full. */
public final class EngineOverloadedException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param waiting requests already waiting
     */
    public EngineOverloadedException(int waiting) {
        super("generation engine is full: " + waiting + " requests already waiting for a slot");
    }
}
