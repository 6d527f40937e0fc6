package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The page: {@code GET /} with a valid token (query {@code token} or bearer header) is the dashboard; without one it
 * is a 401 whose body is only a sign-in form, so no data and no dashboard markup reach an anonymous visitor.
 */
final class PageController {
  private static final String HTML = "text/html; charset=utf-8";

  private final AccessControl access;
  private final String dashboardPage = WebResources.page("dashboard.html");
  private final String loginPage = WebResources.page("login.html");

  PageController(AccessControl access) {
    this.access = access;
  }

  void addRoutes(Javalin app) {
    app.get("/", this::page);
    app.get("/index.html", ctx -> ctx.redirect("/"));
  }

  private void page(Context ctx) {
    if (access.operator(ctx, true).isPresent()) {
      ctx.contentType(HTML).result(dashboardPage);
    } else {
      ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"kefu-dashboard\"").contentType(HTML).result(loginPage);
    }
  }
}
