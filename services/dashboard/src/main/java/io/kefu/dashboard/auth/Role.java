package io.kefu.dashboard.auth;

import io.javalin.security.RouteRole;

/** What an operator token allows: {@link #VIEWER} sees everything, {@link #ADMIN} also acts. */
public enum Role implements RouteRole {
  VIEWER,
  ADMIN;

  /** Whether an operator with this role may use a route that requires {@code required}. */
  public boolean satisfies(Role required) {
    return this == ADMIN || required == VIEWER;
  }
}
