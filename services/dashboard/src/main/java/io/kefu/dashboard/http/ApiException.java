package io.kefu.dashboard.http;

/** An HTTP request answered with an {@link ApiError}. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** 401: no token, or not one of the dashboard's. */
  public static ApiException unauthorized() {
    return new ApiException(401, "UNAUTHORIZED",
        "missing or unknown operator token: send 'Authorization: Bearer <token>' (the dashboard logs its tokens at start)");
  }

  /** 403: a viewer token on an admin action. */
  public static ApiException forbidden() {
    return new ApiException(403, "FORBIDDEN", "this token may only view; use the admin token to act");
  }

  public ApiError toError() {
    return new ApiError(status, error, getMessage());
  }

  public int status() {
    return status;
  }
}
