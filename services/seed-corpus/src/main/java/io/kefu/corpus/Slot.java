package io.kefu.corpus;

/** A value a template can mention; {@link #key()} is both the placeholder name and the slot-map key. */
public enum Slot {
  ORDER("order"),
  PRODUCT("product"),
  AMOUNT("amount"),
  DATE("date"),
  CITY("city"),
  CODE("code");

  private final String key;

  Slot(String key) {
    this.key = key;
  }

  /** The placeholder name, e.g. {@code order} for {@code {order}}. */
  public String key() {
    return key;
  }

  /** The slot whose key is {@code key}. */
  public static Slot ofKey(String key) {
    for (Slot slot : values()) {
      if (slot.key.equals(key)) {
        return slot;
      }
    }
    throw new IllegalArgumentException("unknown slot '" + key + "', expected one of order, product, amount, date, city, code");
  }
}
