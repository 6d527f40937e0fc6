/**
 * The model registry as clients see it: a view of the compacted model-versions topic, the lifecycle transitions a
 * version may take, and the publisher that writes them.
 *
 * <p>Records on model-versions are keyed {@code <modelName>:<version>} ({@link io.kefu.lifecycle.ModelVersionKey}),
 * so compaction keeps the latest status of every version rather than only of the newest version.
 */
package io.kefu.lifecycle;
