package io.kefu.model.store;

/** Thrown when an artifact directory does not match its manifest; the message names the file. */
public final class CorruptArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * Creates the exception.
     *
     * @param file the offending file's name
     * @param message what is wrong
     */
    public CorruptArtifactException(String file, String message) {
        super(message);
        this.file = file;
    }

    /**
     * Returns the offending file's name.
     *
     * @return the file name
     */
    public String file() {
        return file;
    }
}
