package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.dashboard.auth.Operator;
import io.kefu.dashboard.auth.Role;
import io.kefu.dashboard.view.DashboardSnapshot;
import io.kefu.dashboard.view.DashboardState;
import java.util.Map;
import java.util.function.Function;

/** Read-only JSON views for any operator: the whole snapshot, or one part of it. */
final class ViewController {
  private final DashboardState state;
  private final DashboardJson json;

  ViewController(DashboardState state, DashboardJson json) {
    this.state = state;
    this.json = json;
  }

  void addRoutes(Javalin app) {
    app.get("/api/session", this::session, Role.VIEWER);
    part(app, "/api/snapshot", s -> s);
    part(app, "/api/throughput", DashboardSnapshot::throughput);
    part(app, "/api/latency", DashboardSnapshot::latency);
    part(app, "/api/ratings", s -> Map.of("marks", s.marks(), "series", s.ratings()));
    part(app, "/api/lag", DashboardSnapshot::lag);
    part(app, "/api/models", s -> Map.of("models", s.models(), "training", s.commands()));
    part(app, "/api/handoffs", DashboardSnapshot::handoffs);
    part(app, "/api/conversations", DashboardSnapshot::conversations);
    part(app, "/api/dlq", DashboardSnapshot::dlq);
    part(app, "/api/commands", DashboardSnapshot::commands);
  }

  private void part(Javalin app, String path, Function<DashboardSnapshot, Object> pick) {
    app.get(path, ctx -> respond(ctx, pick.apply(state.snapshot())), Role.VIEWER);
  }

  private void session(Context ctx) {
    Operator operator = AccessControl.operator(ctx);
    respond(ctx, Map.of("role", operator.role().name(), "operatorId", operator.operatorId()));
  }

  private void respond(Context ctx, Object body) {
    ctx.contentType("application/json; charset=utf-8").result(json.write(body));
  }
}
