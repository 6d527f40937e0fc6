package io.kefu.dashboard.http;

/**
 * The body of every error answer: the HTTP status, a stable machine-readable code and a sentence for people.
 *
 * @param status HTTP status
 * @param error code such as {@code UNAUTHORIZED}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code CONFLICT},
 *     {@code INVALID}, {@code UNAVAILABLE} or {@code INTERNAL}
 * @param message what went wrong and what to do
 */
public record ApiError(int status, String error, String message) {}
