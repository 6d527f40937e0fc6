package io.kefu.registry.store;

/** Receives every record of the registry topic in offset order, on the store's reader thread. */
@FunctionalInterface
public interface StoreListener {

  /**
   * Applies one record.
   *
   * @param key the record's key
   * @param value the record's value, or null for a tombstone
   * @param schemaType the schema type a SCHEMA value declares ({@code AVRO} when absent), null for other values
   */
  void onRecord(StoreKey key, StoreValue value, String schemaType);
}
