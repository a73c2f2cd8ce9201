package org.parley.api;

/**
 * The errors of the Stack Exchange API v2.3 ({@code /docs/error-handling}): each has an {@code error_id} and an
 * {@code error_name}, in a body of Stack Exchange's shape. Stack Exchange sends them all with HTTP 400; Parley sends
 * the HTTP status that means the same ({@link #httpStatus}: 404 for no_method, 429 for throttle_violation, ...), as
 * its other APIs do, so HTTP tools, proxies and logs see what happened. Clients written for Stack Exchange read
 * {@code error_id} from the body whatever the status, and find it there.
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

    /**
     * The HTTP status sent with it: the error id itself where it is an HTTP status of the same meaning, 401 for the
     * token errors (402, 406), 400 for key_required, 500 for write_failed and 429 for throttle_violation (with
     * Retry-After).
     */
    public int httpStatus() {
        return switch (this) {
            case INVALID_ACCESS_TOKEN, ACCESS_TOKEN_COMPROMISED -> 401;
            case KEY_REQUIRED -> 400;
            case WRITE_FAILED -> 500;
            case THROTTLE_VIOLATION -> 429;
            default -> id;
        };
    }

    /** The {@code error_name}. */
    public String errorName() {
        return errorName;
    }
}
