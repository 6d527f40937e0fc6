package io.kefu.dashboard.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.kefu.dashboard.auth.Operator;
import io.kefu.dashboard.auth.OperatorTokens;
import io.kefu.dashboard.auth.Role;
import io.kefu.dashboard.metrics.DashboardMetrics;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what: every {@code /api/} request must carry an operator token (401 otherwise, before any route runs)
 * and a route marked {@link Role#ADMIN} refuses viewers (403).
 *
 * <p>The token travels in {@code Authorization: Bearer}; only the live stream (an EventSource cannot set headers) and
 * the page itself also take it as a {@code token} query parameter.
 */
final class AccessControl {
  static final String API_PREFIX = "/api/";
  static final String STREAM_PATH = "/api/stream";
  static final String TOKEN_PARAM = "token";
  private static final String OPERATOR_ATTRIBUTE = "kefu.operator";
  private static final String BEARER = "Bearer ";

  private final OperatorTokens tokens;
  private final DashboardMetrics metrics;

  AccessControl(OperatorTokens tokens, DashboardMetrics metrics) {
    this.tokens = tokens;
    this.metrics = metrics;
  }

  /** Before every request: authenticates {@code /api/} calls and remembers the operator. */
  void authenticate(Context ctx) {
    if (!ctx.path().startsWith(API_PREFIX) && !ctx.path().equals("/api")) {
      return;
    }
    boolean queryAllowed = ctx.path().equals(STREAM_PATH);
    Operator operator = operator(ctx, queryAllowed).orElseThrow(() -> {
      metrics.denied(401);
      ctx.header("WWW-Authenticate", "Bearer realm=\"kefu-dashboard\"");
      return ApiException.unauthorized();
    });
    ctx.attribute(OPERATOR_ATTRIBUTE, operator);
  }

  /** Before every matched route: refuses a viewer on an admin route. */
  void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      return;
    }
    Role required = roles.contains(Role.VIEWER) ? Role.VIEWER : Role.ADMIN;
    Operator operator = ctx.attribute(OPERATOR_ATTRIBUTE);
    if (operator == null) {
      metrics.denied(401);
      throw ApiException.unauthorized();
    }
    if (!operator.role().satisfies(required)) {
      metrics.denied(403);
      throw ApiException.forbidden();
    }
  }

  /** The operator of an authenticated request. */
  static Operator operator(Context ctx) {
    Operator operator = ctx.attribute(OPERATOR_ATTRIBUTE);
    if (operator == null) {
      throw new IllegalStateException("route " + ctx.path() + " needs an operator but is not behind access control");
    }
    return operator;
  }

  /** The operator whose token the request carries, if any. */
  Optional<Operator> operator(Context ctx, boolean queryAllowed) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return tokens.authenticate(header.substring(BEARER.length()).trim());
    }
    if (queryAllowed) {
      return tokens.authenticate(ctx.queryParam(TOKEN_PARAM));
    }
    return Optional.empty();
  }
}
