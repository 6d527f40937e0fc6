package io.kefu.corpus;

/** Who speaks a turn. */
public enum Role {
  CUSTOMER,
  AGENT
}
