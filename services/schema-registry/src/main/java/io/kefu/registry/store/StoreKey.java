package io.kefu.registry.store;

/** The key of one record in the registry topic; compaction keeps the latest value per key. */
public sealed interface StoreKey permits SchemaKey, ConfigKey {}
