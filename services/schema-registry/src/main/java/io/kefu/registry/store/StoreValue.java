package io.kefu.registry.store;

/** The value of one record in the registry topic. */
public sealed interface StoreValue permits SchemaValue, ConfigValue {}
