package org.parley.api;

/**
 * The errors of the Stack Exchange API v2.3 ({@code /docs/error-handling}): each has an {@code error_id} and an
 * {@code error_name}. The API answers every one with HTTP 400, as Stack Exchange documents ("The HTTP code will be 400
 * (Bad Request) for all errors"); the id says which.
 */
public enum StackError {
    BAD_PARAMETER(400, "bad_parameter"),
    ACCESS_TOKEN_REQUIRED(401, "access_token_required"),
    INVALID_ACCESS_TOKEN(402, "invalid_access_token"),
    ACCESS_DENIED(403, "access_denied"),
    NO_METHOD(404, "no_method"),
    KEY_REQUIRED(405, "key_required"),
    ACCESS_TOKEN_COMPROMISED(406, "access_token_compromised"),
    WRITE_FAILED(407, "write_failed"),
    DUPLICATE_REQUEST(409, "duplicate_request"),
    INTERNAL_ERROR(500, "internal_error"),
    THROTTLE_VIOLATION(502, "throttle_violation"),
    TEMPORARILY_UNAVAILABLE(503, "temporarily_unavailable");

    private final int id;
    private final String errorName;

    StackError(int id, String errorName) {
        this.id = id;
        this.errorName = errorName;
    }

    /** The {@code error_id}. */
    public int id() {
        return id;
    }

    /** The {@code error_name}. */
    public String errorName() {
        return errorName;
    }
}
