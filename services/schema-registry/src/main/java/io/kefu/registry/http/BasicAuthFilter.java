package io.kefu.registry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kefu.registry.BasicAuthUsers;

/**
 * Lets a request through only with HTTP basic credentials of a configured user; other requests get 401 with a
 * {@code WWW-Authenticate} challenge; open paths (health) need none.
 */
final class BasicAuthFilter implements Handler {
  static final String REALM = "kefu-schema-registry";

  private final BasicAuthUsers users;
  private final Set<String> openPaths;
  private final RegistryJson json;

  BasicAuthFilter(BasicAuthUsers users, Set<String> openPaths, RegistryJson json) {
    this.users = users;
    this.openPaths = openPaths;
    this.json = json;
  }

  @Override
  public void handle(Context ctx) {
    if (!users.enabled() || openPaths.contains(ctx.path()) || authenticated(ctx.header("Authorization"))) {
      return;
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    json.respondError(ctx, 401, 401, "Unauthorized");
    ctx.skipRemainingHandlers();
  }

  private boolean authenticated(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0 && users.accepts(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
