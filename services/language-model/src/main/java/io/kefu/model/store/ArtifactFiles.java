package io.kefu.model.store;

import java.util.List;

/** The file names of a model artifact directory. */
public final class ArtifactFiles {

    /** The model's {@link io.kefu.model.gpt.GptConfig} as JSON. */
    public static final String CONFIG = "config.json";
    /** Parameters in DJL's parameter format. */
    public static final String WEIGHTS = "weights.params";
    /** The tokenizer as JSON. */
    public static final String TOKENIZER = "tokenizer.json";
    /** What training measured, as JSON. */
    public static final String METRICS = "metrics.json";
    /** Names, versions, creation time and the SHA-256 of every other file. */
    public static final String MANIFEST = "manifest.json";

    /** Every file except the manifest, in the order they are written. */
    public static final List<String> CHECKSUMMED = List.of(CONFIG, WEIGHTS, TOKENIZER, METRICS);

    private ArtifactFiles() {}
}
