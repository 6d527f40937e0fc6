package io.kefu.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kefu.contract.CommandKind;
import io.kefu.dashboard.action.ActionReceipt;
import io.kefu.dashboard.action.OperatorActions;
import io.kefu.dashboard.auth.Role;
import io.kefu.dashboard.metrics.DashboardMetrics;

/** Admin actions over HTTP: each reads its body, calls {@link OperatorActions} and answers 202 with the receipt. */
final class ActionController {
  private final OperatorActions actions;
  private final DashboardJson json;
  private final DashboardMetrics metrics;

  ActionController(OperatorActions actions, DashboardJson json, DashboardMetrics metrics) {
    this.actions = actions;
    this.json = json;
    this.metrics = metrics;
  }

  /** The action a request is for, from its route: {@code promote}, {@code answer}, {@code train-now}... */
  static String actionName(Context ctx) {
    String route = ctx.endpointHandlerPath();
    return route.substring(route.lastIndexOf('/') + 1);
  }

  /**
   * Body of model and handoff commands.
   *
   * @param reason why, shown in the command log; may be null
   */
  record ReasonBody(String reason) {}

  /**
   * Body of training commands.
   *
   * @param modelName the model to train, or null for every model
   * @param reason why; may be null
   */
  record TrainingBody(String modelName, String reason) {}

  /**
   * Body of an answer to a handoff.
   *
   * @param text what the customer will read
   */
  record AnswerBody(String text) {}

  void addRoutes(Javalin app) {
    app.post("/api/models/{model}/{version}/promote", ctx -> accepted(ctx, actions.promote(AccessControl.operator(ctx),
        ctx.pathParam("model"), ctx.pathParam("version"), reason(ctx))), Role.ADMIN);
    app.post("/api/models/{model}/{version}/roll-back", ctx -> accepted(ctx, actions.rollBack(
        AccessControl.operator(ctx), ctx.pathParam("model"), ctx.pathParam("version"), reason(ctx))), Role.ADMIN);
    app.post("/api/training/train-now", ctx -> training(ctx, CommandKind.TRAIN_NOW), Role.ADMIN);
    app.post("/api/training/pause", ctx -> training(ctx, CommandKind.PAUSE_TRAINING), Role.ADMIN);
    app.post("/api/training/resume", ctx -> training(ctx, CommandKind.RESUME_TRAINING), Role.ADMIN);
    app.post("/api/handoffs/{conversationId}/answer", ctx -> accepted(ctx, actions.answerHandoff(
        AccessControl.operator(ctx), ctx.pathParam("conversationId"),
        json.readBody(ctx.body(), AnswerBody.class, new AnswerBody(null)).text())), Role.ADMIN);
    app.post("/api/handoffs/{conversationId}/close", ctx -> accepted(ctx, actions.closeHandoff(
        AccessControl.operator(ctx), ctx.pathParam("conversationId"), reason(ctx))), Role.ADMIN);
  }

  private void training(Context ctx, CommandKind kind) {
    TrainingBody body = json.readBody(ctx.body(), TrainingBody.class, new TrainingBody(null, null));
    accepted(ctx, actions.training(AccessControl.operator(ctx), kind, body.modelName(), body.reason()));
  }

  private String reason(Context ctx) {
    return json.readBody(ctx.body(), ReasonBody.class, new ReasonBody(null)).reason();
  }

  private void accepted(Context ctx, ActionReceipt receipt) {
    metrics.action(actionName(ctx), "ok");
    ctx.status(202).contentType("application/json; charset=utf-8").result(json.write(receipt));
  }
}
