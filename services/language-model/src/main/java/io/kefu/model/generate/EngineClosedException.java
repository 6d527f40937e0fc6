package io.kefu.model.generate;

/** Thrown when a request reaches a {@link GenerationEngine} that is closed or closing. */
public final class EngineClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EngineClosedException() {
        super("generation engine is closed");
    }
}
