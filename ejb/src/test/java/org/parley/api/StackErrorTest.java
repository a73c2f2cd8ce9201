package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The HTTP status each Stack Exchange error is sent with: the id where it is the same HTTP meaning. */
class StackErrorTest {

    @Test
    void eachErrorHasTheStatusThatMeansTheSame() {
        assertEquals(400, StackError.BAD_PARAMETER.httpStatus());
        assertEquals(401, StackError.ACCESS_TOKEN_REQUIRED.httpStatus());
        assertEquals(401, StackError.INVALID_ACCESS_TOKEN.httpStatus());
        assertEquals(403, StackError.ACCESS_DENIED.httpStatus());
        assertEquals(404, StackError.NO_METHOD.httpStatus());
        assertEquals(400, StackError.KEY_REQUIRED.httpStatus());
        assertEquals(401, StackError.ACCESS_TOKEN_COMPROMISED.httpStatus());
        assertEquals(500, StackError.WRITE_FAILED.httpStatus());
        assertEquals(409, StackError.DUPLICATE_REQUEST.httpStatus());
        assertEquals(500, StackError.INTERNAL_ERROR.httpStatus());
        assertEquals(429, StackError.THROTTLE_VIOLATION.httpStatus());
        assertEquals(503, StackError.TEMPORARILY_UNAVAILABLE.httpStatus());
    }

    @Test
    void quotasStartAgainAtMidnightUtc() {
        long s = StackQuota.secondsToMidnightUtc();
        assertEquals(true, s >= 1 && s <= 86_400, "seconds to midnight: " + s);
    }
}
